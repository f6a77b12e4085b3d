package org.slacast.training.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slacast.core.BadInputException;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.MetricRules;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventOrder;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * A change to a desk's history, or to how it is reported, that {@link Scenario} recomputes every ticket's clock
 * under: a status made faster, a status that pauses the clocks, or a share of reopens taken away.
 */
public sealed interface HistoryChange {
    /** @return how the change is written on the command line, e.g. {@code --faster awaiting_parts=20%} */
    String label();

    /**
     * @param ticket the ticket
     * @param events its events, in {@link EventOrder}
     * @param policy its policy
     * @return its events after the change, in the same order; the same list when the change leaves it alone
     */
    default List<TicketEvent> apply(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
        return events;
    }

    /**
     * @param ticket the ticket
     * @param events its events, in {@link EventOrder}
     * @param policy its policy
     * @return whether the change concerns this ticket: an eligible case
     */
    default boolean touches(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
        return apply(ticket, events, policy) != events;
    }

    /** @param policy a policy; @return the policy after the change */
    default SlaPolicy apply(SlaPolicy policy) {
        return policy;
    }

    /**
     * Every visit to a status takes {@code share} less business time; everything after it happens that much
     * sooner on the wall clock.
     *
     * @param status the status, lower case
     * @param share  the share of its business time taken away, above 0 and at most 1
     */
    record Faster(String status, double share) implements HistoryChange {
        /** Checks the share and lower-cases the status. */
        public Faster {
            status = status.strip().toLowerCase(Locale.ROOT);
            if (!(share > 0 && share <= 1)) {
                throw new BadInputException("--faster " + status + ": the share must be above 0% and at most 100%");
            }
        }

        /**
         * @param text {@code STATUS=20%}
         * @return the change
         * @throws BadInputException naming the flag and the form it takes
         */
        public static Faster parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--faster " + text + ": write STATUS=SHARE, e.g. awaiting_parts=20%");
            }
            return new Faster(text.substring(0, eq),
                    HistoryChange.parseShare("--faster " + text, text.substring(eq + 1)));
        }

        @Override
        public String label() {
            return "--faster " + status + "=" + Math.round(share * 100) + "%";
        }

        @Override
        public List<TicketEvent> apply(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
            BusinessCalendar cal = policy.calendar();
            MetricRules res = policy.rules(Metric.RESOLUTION);
            List<TicketEvent> out = new ArrayList<>(events);
            String current = StageTimes.FIRST_STATUS;
            long since = ticket.createdAt().toEpochMilli();
            boolean changed = false;
            int visitFrom = 0;
            for (int i = 0; i < out.size(); i++) {
                TicketEvent e = out.get(i);
                String next = StageTimes.statusAfter(e, res);
                if (next == null) {
                    continue;
                }
                long at = Math.max(since, e.at().toEpochMilli());
                if (current.equals(status) && !next.equals(status) && at > since) {
                    long span = cal.millisBetween(since, at);
                    long cut = Math.round(span * share);
                    if (cut > 0) {
                        long end = Math.max(since, cal.plusMillis(since, span - cut));
                        squeeze(out, visitFrom, i, since, at, end);
                        shift(out, i, at - end);
                        changed = true;
                        at = end;
                    }
                }
                if (!next.equals(current)) {
                    current = next;
                    since = at;
                    visitFrom = i + 1;
                }
            }
            return changed ? out : events;
        }

        /** Events within the visit [start, end) keep their place in it, as a share of its length. */
        private static void squeeze(List<TicketEvent> events, int from, int to, long start, long end, long now) {
            double scale = (now - start) / (double) (end - start);
            for (int j = from; j < to; j++) {
                long t = Math.min(end, Math.max(start, events.get(j).at().toEpochMilli()));
                events.set(j, events.get(j).movedTo(Instant.ofEpochMilli(start + Math.round((t - start) * scale))));
            }
        }

        /**
         * Moves events {@code from..} sooner by {@code by} ms of wall-clock time, which keeps their order and
         * their gaps; the business time of a later gap can then differ a little, as it would in real life.
         */
        private static void shift(List<TicketEvent> events, int from, long by) {
            for (int j = from; j < events.size(); j++) {
                events.set(j, events.get(j).movedTo(events.get(j).at().minusMillis(by)));
            }
        }
    }

    /**
     * A status that pauses every metric's clock, as a reporting definition (a customer-wait pause, say).
     *
     * @param status the status, lower case
     */
    record Pause(String status) implements HistoryChange {
        /** Lower-cases the status. */
        public Pause {
            status = status.strip().toLowerCase(Locale.ROOT);
            if (status.isEmpty()) {
                throw new BadInputException("--pause: name a status, e.g. --pause pending_customer");
            }
        }

        @Override
        public String label() {
            return "--pause " + status;
        }

        @Override
        public boolean touches(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
            return events.stream().anyMatch(e -> e.status() != null
                    && e.status().strip().toLowerCase(Locale.ROOT).equals(status));
        }

        @Override
        public SlaPolicy apply(SlaPolicy p) {
            Set<String> pauses = new HashSet<>(p.pauseStatuses());
            pauses.add(status);
            Map<Metric, MetricRules> rules = new HashMap<>();
            for (Metric m : Metric.ALL) {
                MetricRules r = p.rules(m);
                Set<String> own = new HashSet<>(r.pauseStatuses());
                own.add(status);
                rules.put(m, new MetricRules(own, r.stopOn(), r.reopenResumes()));
            }
            return new SlaPolicy(p.name(), p.calendar(), p.match(), p.targets(), pauses, p.inactiveStatuses(),
                    p.reopenResumesResolution(), p.atRisk(), rules, p.startTier(), p.sameTierChange());
        }
    }

    /**
     * Of the tickets that were reopened, {@code share} never are: they end at their first resolution. Which ones
     * is fixed by the seed, so that a run can be repeated.
     *
     * @param share  the share of reopened tickets
     * @param chosen the tickets whose reopens are taken away
     */
    record DropReopens(double share, Set<String> chosen) implements HistoryChange {
        /** Copies the set. */
        public DropReopens {
            chosen = Set.copyOf(chosen);
        }

        /**
         * @param text    the share, {@code 25%}
         * @param tickets the desk's tickets with their events, by id
         * @param seed    fixes which tickets are chosen
         * @return the change, with exactly round(share × reopened tickets) chosen
         */
        public static DropReopens of(String text, Map<String, List<TicketEvent>> tickets, long seed) {
            double share = HistoryChange.parseShare("--drop-reopens " + text, text);
            List<String> reopened = new ArrayList<>();
            tickets.forEach((id, ev) -> {
                if (ev.stream().anyMatch(e -> e.type() == EventType.REOPENED)) {
                    reopened.add(id);
                }
            });
            reopened.sort(java.util.Comparator.comparingLong((String id) -> org.slacast.core.SeededHash.of(seed, id))
                    .thenComparing(id -> id));
            return new DropReopens(share, new HashSet<>(reopened.subList(0, (int) Math.round(share
                    * reopened.size()))));
        }

        @Override
        public String label() {
            return "--drop-reopens " + Math.round(share * 100) + "%";
        }

        @Override
        public List<TicketEvent> apply(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
            if (!chosen.contains(ticket.id())) {
                return events;
            }
            List<TicketEvent> out = new ArrayList<>();
            for (TicketEvent e : events) {
                if (e.type() == EventType.REOPENED) {
                    break;
                }
                out.add(e);
            }
            return out;
        }
    }

    /**
     * @param where the flag and value, for the error
     * @param text  {@code 20%} or {@code 0.2}
     * @return the share, in (0, 1]
     * @throws BadInputException naming {@code where} when it is not a share in that range
     */
    static double parseShare(String where, String text) {
        String t = text.strip();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
                    : Double.parseDouble(t);
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(where + ": give a share above 0% and at most 100%, e.g. 20%");
    }
}
