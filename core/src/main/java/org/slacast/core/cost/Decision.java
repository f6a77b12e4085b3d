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
     * small negative), without a formatter: this runs for every score the API answers, and the formatter, then
     * {@code BigDecimal}, was a visible share of a score's time and allocation. The shortest decimal's digits are
     * rounded as text; only one past 10^7 or below 10^-3, which {@code Double.toString} writes with an exponent, still
     * goes through {@code BigDecimal}.
     */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + digits + "f", v);
        }
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') >= 0) {
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP);
            String s = d.toPlainString();
            return d.signum() == 0 && (v < 0 || 1 / v < 0) ? "-" + s : s;
        }
        return halfUp(shortest, digits);
    }

    /** A plain decimal ("-12.3456") rounded half up to {@code digits} places, its sign kept even at zero. */
    private static String halfUp(String plain, int digits) {
        boolean negative = plain.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int dot = plain.indexOf('.');
        int ints = dot - start;
        // One spare digit in front for a carry out of the integer part, as in 9.995 -> 10.00.
        char[] out = new char[1 + ints + 1 + digits];
        out[0] = '0';
        plain.getChars(start, dot, out, 1);
        out[1 + ints] = '.';
        for (int i = 0; i < digits; i++) {
            int at = dot + 1 + i;
            out[2 + ints + i] = at < plain.length() ? plain.charAt(at) : '0';
        }
        int next = dot + 1 + digits;
        if (next < plain.length() && plain.charAt(next) >= '5') {
            int i = out.length - 1;
            while (true) {
                if (out[i] == '.') {
                    i--;
                    continue;
                }
                if (out[i] != '9') {
                    out[i]++;
                    break;
                }
                out[i--] = '0';
            }
        }
        int from = out[0] == '0' ? 1 : 0;
        String s = new String(out, from, out.length - from);
        return negative ? "-" + s : s;
    }
}
