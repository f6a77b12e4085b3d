package org.slacast.core.band;

import org.slacast.core.BadInputException;
import java.time.Duration;
import java.util.Locale;
import org.slacast.core.policy.Durations;

/** When an open item counts as at risk: how close its due instant is. */
public sealed interface AtRiskThreshold {

    /**
     * A wall-clock lead time: at risk once the due instant is at most this far away. For date-only items the
     * lead is counted in whole days.
     *
     * @param lead the lead time
     */
    record Lead(Duration lead) implements AtRiskThreshold {
        @Override
        public String toString() {
            return lead.toDays() > 0 && lead.toHours() % 24 == 0 ? lead.toDays() + "d" : Durations.format(lead);
        }
    }

    /**
     * A business-time lead: at risk once the remaining business time is at most this.
     *
     * @param lead business time
     */
    record BusinessLead(Duration lead) implements AtRiskThreshold {
        @Override
        public String toString() {
            return Durations.format(lead).replace("h", "bh").replace("m", "bm");
        }
    }

    /**
     * A fraction of the target: at risk once at most this share of the target remains.
     *
     * @param fraction between 0 and 1
     */
    record FractionRemaining(double fraction) implements AtRiskThreshold {
        /** Checks the range. */
        public FractionRemaining {
            if (!(fraction > 0 && fraction < 1)) {
                throw new BadInputException("an at-risk fraction must be between 0% and 100%, not " + fraction);
            }
        }

        @Override
        public String toString() {
            return Math.round(fraction * 100) + "%";
        }
    }

    /**
     * Reads {@code 25%} (fraction of target left), {@code 4bh} (business hours; also {@code 30bm}), or a
     * wall-clock lead such as {@code 2d}, {@code 4h}.
     *
     * @param text the threshold
     * @return the threshold
     * @throws IllegalArgumentException showing the accepted forms
     */
    static AtRiskThreshold parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                return new FractionRemaining(Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100.0);
            }
            if (t.endsWith("bh") || t.endsWith("bm")) {
                return new BusinessLead(Durations.parse(t.replace("bh", "h").replace("bm", "m")));
            }
            return new Lead(Durations.parse(t));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'" + text + "' is not an at-risk threshold; use a share of the target "
                    + "left (25%), business time (4bh, 30bm) or a lead time (2d, 4h)", e);
        }
    }
}
