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
        return "expected saving " + fixed(saving(), 2) + " = " + number(probability, 4) + " × " + number(penalty, 2)
                + " × " + number(effectiveness, 3) + " − " + number(cost, 2) + ": " + (act() ? "act" : "do not act");
    }

    /** Up to {@code digits} decimals, without trailing zeros: 0.31, 200, 0.5. */
    static String number(double v, int digits) {
        String s = fixed(v, digits);
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
    }

    /**
     * As {@code String.format(Locale.ROOT, "%.Nf", v)} writes it (half up from the shortest decimal, "-0.00" for a
     * small negative), without a formatter: this runs for every score the API answers, and the formatter was a
     * visible share of a score's time.
     */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + digits + "f", v);
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP);
        String s = d.toPlainString();
        return d.signum() == 0 && (v < 0 || 1 / v < 0) ? "-" + s : s;
    }
}
