package org.slacast.core.policy;

import org.slacast.core.BadInputException;
import java.util.Locale;
import org.slacast.core.ticket.Tier;

/** What an SLA target measures. */
public sealed interface Metric {
    /** Time to the first reply to the requester. */
    Metric FIRST_RESPONSE = new FirstResponse();
    /** Time to resolution. */
    Metric RESOLUTION = new Resolution();
    /** Every metric, in report order: first response, resolution, then the tiers' OLAs. */
    java.util.List<Metric> ALL = java.util.List.of(FIRST_RESPONSE, RESOLUTION, new TierOla(Tier.L1),
            new TierOla(Tier.L2), new TierOla(Tier.L3));

    /** @return the label used in files and the API: {@code first_response}, {@code resolution}, {@code ola_l2} */
    String label();

    /** Time to the first reply. */
    record FirstResponse() implements Metric {
        @Override
        public String label() {
            return "first_response";
        }
    }

    /** Time to resolution; a reopen may resume it (see the policy). */
    record Resolution() implements Metric {
        @Override
        public String label() {
            return "resolution";
        }
    }

    /**
     * An operational-level agreement for one tier: the time the ticket spends in that tier until the tier
     * responds, hands it on, or it is resolved, summed over each stint in the tier.
     *
     * @param tier the tier
     */
    record TierOla(Tier tier) implements Metric {
        /** Made once per tier: a label is written for every reading of every ticket. */
        private static final String[] LABELS = java.util.Arrays.stream(Tier.values())
                .map(t -> "ola_" + t.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

        @Override
        public String label() {
            return LABELS[tier.ordinal()];
        }
    }

    /**
     * Reads a label: {@code first_response}, {@code resolution}, {@code ola_l1}..{@code ola_l3}.
     *
     * @param label the label
     * @return the metric
     * @throws IllegalArgumentException naming the accepted labels
     */
    static Metric parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "first_response" -> FIRST_RESPONSE;
            case "resolution" -> RESOLUTION;
            default -> {
                if (l.startsWith("ola_")) {
                    yield new TierOla(Tier.parse(l.substring(4)));
                }
                throw new BadInputException("unknown metric '" + label
                        + "'; expected first_response, resolution or ola_l1, ola_l2, ola_l3");
            }
        };
    }
}
