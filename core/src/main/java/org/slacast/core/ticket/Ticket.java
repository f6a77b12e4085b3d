package org.slacast.core.ticket;

import org.slacast.core.BadInputException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A ticket's attributes as known when it was opened. Everything but the id, creation time and priority
 * may be null when a source does not have it.
 *
 * @param id        unique ticket id
 * @param createdAt when the ticket was opened
 * @param priority  priority at creation
 * @param impact    ITIL impact, or null
 * @param urgency   ITIL urgency, or null
 * @param tier      tier at creation, L1 when unknown
 * @param team      assigned team, or null
 * @param category  category such as Hardware or Access, or null
 * @param system    affected system or product, or null
 * @param channel   how it arrived (Email, Phone, Portal, Chat), or null
 * @param customer  customer organisation, or null
 * @param contract  contract or service level, or null
 * @param region    customer region, or null
 * @param requester the person who raised it, or null
 * @param subject   one-line summary, or null
 * @param body      the description as first written, or null
 * @param attributes open attributes by {@link OpenAttribute} key ({@code cat.ci_type}, {@code num.related}), as
 *                  read: a number in plain decimal form; an absent key is a missing value
 */
public record Ticket(String id, Instant createdAt, Priority priority, Impact impact, Urgency urgency, Tier tier,
                     String team, String category, String system, String channel, String customer, String contract,
                     String region, String requester, String subject, String body,
                     Map<String, String> attributes) {

    /** Checks the required fields, defaults the tier to L1 and copies the attributes in key order. */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(priority, "priority");
        if (id.isBlank()) {
            throw new BadInputException("ticket id is blank");
        }
        tier = tier == null ? Tier.L1 : tier;
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** A ticket without open attributes. */
    public Ticket(String id, Instant createdAt, Priority priority, Impact impact, Urgency urgency, Tier tier,
                  String team, String category, String system, String channel, String customer, String contract,
                  String region, String requester, String subject, String body) {
        this(id, createdAt, priority, impact, urgency, tier, team, category, system, channel, customer, contract,
                region, requester, subject, body, Map.of());
    }

    /**
     * @param attributes open attributes by key
     * @return this ticket with them instead
     */
    public Ticket withAttributes(Map<String, String> attributes) {
        return new Ticket(id, createdAt, priority, impact, urgency, tier, team, category, system, channel, customer,
                contract, region, requester, subject, body, attributes);
    }

    /**
     * A ticket with only the fields the SLA clock needs.
     *
     * @param id        ticket id
     * @param createdAt when it was opened
     * @param priority  its priority
     * @return the ticket
     */
    public static Ticket of(String id, Instant createdAt, Priority priority) {
        return new Ticket(id, createdAt, priority, null, null, Tier.L1, null, null, null, null, null, null, null, null,
                null, null);
    }

    /**
     * The value of a selectable attribute, as used by policy matching and features.
     *
     * @param attribute one of customer, contract, category, system, channel, region, team, or an open
     *                  attribute's key
     * @return its value or null
     */
    public String attribute(String attribute) {
        return switch (attribute) {
            case "customer" -> customer;
            case "contract" -> contract;
            case "category" -> category;
            case "system" -> system;
            case "channel" -> channel;
            case "region" -> region;
            case "team" -> team;
            case "priority" -> priority.label();
            default -> attributeOrFail(attribute);
        };
    }

    private String attributeOrFail(String key) {
        String v = attributes.get(key); // only valid keys are stored: no need to parse one that is there
        if (v != null || OpenAttribute.ofKey(key) != null) {
            return v;
        }
        throw new BadInputException("unknown ticket attribute '" + key + "'");
    }
}
