package org.slacast.serving.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.slacast.serving.QueueRow;

/**
 * A rule that fired for a ticket: once per ticket and rule, ever.
 *
 * @param id          the idempotency key: the same for the same ticket and rule on every replica
 * @param rule        the rule
 * @param row         the ticket as re-scored when the rule fired
 * @param conditionAt the instant the condition became true: the row's score instant
 * @param firedAt     when the rule fired, by the server's clock
 */
public record Alert(String id, AlertRule rule, QueueRow row, Instant conditionAt, Instant firedAt) {
    /**
     * @param rule    the rule
     * @param row     the ticket's row
     * @param firedAt when
     * @return the alert
     */
    public static Alert of(AlertRule rule, QueueRow row, Instant firedAt) {
        return new Alert(id(row.ticketId(), rule.name()), rule, row, row.scoredAt(), firedAt);
    }

    /**
     * @param ticketId a ticket
     * @param rule     a rule's name
     * @return the alert's id: 32 hex digits of SHA-256 over both, so that the key says nothing of the ticket
     */
    public static String id(String ticketId, String rule) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((ticketId + "\u0000" + rule)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
