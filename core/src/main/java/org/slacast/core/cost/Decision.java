package org.slacast.core.cost;

import java.util.Locale;

/**
 * Whether to intervene on one ticket, and why: act exactly when the expected saving
 * {@code probability * penalty * effectiveness - cost} is positive.
 *
 * @param probability   the calibrated breach probability
 * @param penalty       what the ticket's breach costs
 * @param effectiveness the share of breaches an intervention now prevents
 * @param cost          what the intervention costs
 */
public record Decision(double probability, double penalty, double effectiveness, double cost) {

    /** @return the expected saving of acting, net of its cost */
    public double saving() {
        return probability * penalty * effectiveness - cost;
    }

    /** @return whether acting pays: the expected saving is positive */
    public boolean act() {
        return saving() > 0;
    }

    /** @return the arithmetic, e.g. {@code expected saving 11.00 = 0.31 × 200 × 0.5 − 20: act} */
    public String reason() {
        return String.format(Locale.ROOT, "expected saving %.2f = %s × %s × %s − %s: %s", saving(),
                number(probability, 4), number(penalty, 2), number(effectiveness, 3), number(cost, 2),
                act() ? "act" : "do not act");
    }

    /** Up to {@code digits} decimals, without trailing zeros: 0.31, 200, 0.5. */
    private static String number(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
