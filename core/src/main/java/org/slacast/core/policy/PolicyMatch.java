package org.slacast.core.policy;

import org.slacast.core.BadInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slacast.core.ticket.Ticket;

/**
 * Which tickets a policy covers: for each constrained attribute, the values it accepts (case-insensitive).
 * An empty match covers every ticket.
 *
 * @param constraints attribute name (customer, contract, category, system, channel, region, team) to values
 */
public record PolicyMatch(Map<String, Set<String>> constraints) {
    /** The attributes a policy may match on. */
    public static final List<String> ATTRIBUTES = List.of("customer", "contract", "category", "system", "channel",
            "region", "team");

    /** Normalises values to lower case and checks attribute names. */
    public PolicyMatch {
        Map<String, Set<String>> copy = new TreeMap<>();
        constraints.forEach((k, v) -> {
            if (!ATTRIBUTES.contains(k)) {
                throw new BadInputException("cannot match on '" + k + "'; use one of " + ATTRIBUTES);
            }
            if (v.isEmpty()) {
                throw new BadInputException("match on '" + k + "' lists no values");
            }
            copy.put(k, v.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        });
        constraints = Map.copyOf(copy);
    }

    /** @return a match that covers every ticket */
    public static PolicyMatch any() {
        return new PolicyMatch(Map.of());
    }

    /**
     * @param ticket a ticket
     * @return true if every constraint accepts the ticket's value
     */
    public boolean matches(Ticket ticket) {
        for (Map.Entry<String, Set<String>> c : constraints.entrySet()) {
            String v = ticket.attribute(c.getKey());
            if (v == null || !c.getValue().contains(v.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param other another match
     * @return true if some ticket could satisfy both
     */
    public boolean overlaps(PolicyMatch other) {
        for (Map.Entry<String, Set<String>> c : constraints.entrySet()) {
            Set<String> o = other.constraints.get(c.getKey());
            if (o != null && o.stream().noneMatch(c.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param other another match
     * @return true if every ticket this covers is covered by {@code other} too, and this is not the same match
     */
    public boolean narrowerThan(PolicyMatch other) {
        if (equals(other)) {
            return false;
        }
        for (Map.Entry<String, Set<String>> o : other.constraints.entrySet()) {
            Set<String> mine = constraints.get(o.getKey());
            if (mine == null || !o.getValue().containsAll(mine)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return constraints.isEmpty() ? "{any ticket}" : constraints.toString();
    }
}
