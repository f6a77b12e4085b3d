package org.slacast.core.policy;

import org.slacast.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.ticket.Ticket;

/**
 * The policies of one policy file, with their calendars. Each ticket gets the most specific policy whose match
 * covers it. Two policies that could both cover a ticket without one being narrower are rejected when the set
 * is built, so the choice is never ambiguous.
 *
 * @param policies  the policies, in file order
 * @param calendars the calendars by name
 * @param data      how to read the tickets and events these policies are applied to (the file's {@code data})
 */
public record PolicySet(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars, ReadOptions data) {

    /**
     * Policies for data read as the native format says ({@link ReadOptions#STRICT}).
     *
     * @param policies  the policies
     * @param calendars the calendars by name
     */
    public PolicySet(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars) {
        this(policies, calendars, ReadOptions.STRICT);
    }

    /** Rejects ambiguous overlaps and duplicate names. */
    public PolicySet {
        policies = List.copyOf(policies);
        calendars = Map.copyOf(calendars);
        java.util.Objects.requireNonNull(data, "data");
        if (policies.isEmpty()) {
            throw new BadInputException("no policies; define at least one under 'policies'");
        }
        for (int i = 0; i < policies.size(); i++) {
            for (int j = i + 1; j < policies.size(); j++) {
                SlaPolicy a = policies.get(i);
                SlaPolicy b = policies.get(j);
                if (a.name().equals(b.name())) {
                    throw new AmbiguousPolicyException("two policies are named '" + a.name() + "'", i, j);
                }
                if (a.match().overlaps(b.match()) && !a.match().narrowerThan(b.match())
                        && !b.match().narrowerThan(a.match())) {
                    throw new AmbiguousPolicyException("policies '" + a.name() + "' " + a.match() + " and '"
                            + b.name() + "' " + b.match() + " can both match the same ticket and neither is narrower; "
                            + "narrow one of them so that each ticket has exactly one most specific policy", i, j);
                }
            }
        }
    }

    /**
     * @param ticket a ticket
     * @return the most specific policy that covers it
     * @throws IllegalArgumentException if none does
     */
    public SlaPolicy select(Ticket ticket) {
        SlaPolicy best = null;
        for (SlaPolicy p : policies) {
            if (p.match().matches(ticket) && (best == null || p.match().narrowerThan(best.match()))) {
                best = p;
            }
        }
        if (best == null) {
            List<String> attrs = new ArrayList<>();
            for (String a : PolicyMatch.ATTRIBUTES) {
                attrs.add(a + "=" + ticket.attribute(a));
            }
            throw new BadInputException("no policy covers ticket " + ticket.id() + " " + attrs
                    + "; add a default policy with an empty match");
        }
        return best;
    }

    /** Two policies whose coverage makes the choice ambiguous; carries their positions for the key path. */
    public static final class AmbiguousPolicyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int first;
        private final int second;

        AmbiguousPolicyException(String message, int first, int second) {
            super(message);
            this.first = first;
            this.second = second;
        }

        /** @return the index of the first policy involved */
        public int first() {
            return first;
        }

        /** @return the index of the second policy involved */
        public int second() {
            return second;
        }
    }
}
