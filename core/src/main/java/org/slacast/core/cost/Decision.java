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
        StringBuilder s = new StringBuilder(72).append("expected saving ");
        append(s, saving(), 2, false).append(" = ");
        append(s, probability, 4, true).append(" × ");
        append(s, penalty, 2, true).append(" × ");
        append(s, effectiveness, 3, true).append(" − ");
        append(s, cost, 2, true).append(": ");
        return s.append(act() ? "act" : "do not act").toString();
    }

    /** Up to {@code digits} decimals, without trailing zeros: 0.31, 200, 0.5. */
    static String number(double v, int digits) {
        return append(new StringBuilder(24), v, digits, true).toString();
    }

    /**
     * As {@code String.format(Locale.ROOT, "%.Nf", v)} writes it (half up from the shortest decimal, "-0.00" for a
     * small negative), without a formatter: this runs for every score the API answers, and the formatter, then
     * {@code BigDecimal}, was a visible share of a score's time and allocation.
     */
    static String fixed(double v, int digits) {
        return append(new StringBuilder(24), v, digits, false).toString();
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * Appends {@code v} to {@code digits} places (at most 6), as {@link #fixed} writes it, or as {@link #number} does
     * when {@code trim}. Away from a tie, rounding {@code v} itself gives the shortest decimal's rounding: below
     * 10^9 the scaled value is within 3e-7 of that decimal's, so a remainder more than 1e-6 from one half is
     * rounded on the same side. Only a near-tie, or a larger value, goes through the shortest decimal's text.
     */
    private static StringBuilder append(StringBuilder s, double v, int digits, boolean trim) {
        double a = Math.abs(v * POWERS[digits]);
        if (a < 1e9) {
            double whole = Math.floor(a);
            double rest = a - whole;
            if (Math.abs(rest - 0.5) > 1e-6) {
                if (v < 0 || 1 / v < 0) {
                    s.append('-');
                }
                long m = (long) whole + (rest > 0.5 ? 1 : 0);
                s.append(m / POWERS[digits]);
                long fraction = m % POWERS[digits];
                int places = digits;
                while (trim && places > 0 && fraction % 10 == 0) {
                    fraction /= 10;
                    places--;
                }
                if (places > 0) {
                    s.append('.');
                    for (long unit = POWERS[places - 1]; unit > fraction && unit > 1; unit /= 10) {
                        s.append('0');
                    }
                    s.append(fraction);
                }
                return s;
            }
        }
        String text = exact(v, digits);
        return s.append(trim ? trimmed(text) : text);
    }

    /** A fixed text without its trailing zeros, and without a point left bare. */
    private static String trimmed(String s) {
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
     * The shortest decimal's digits rounded as text; only a value past 10^7 or below 10^-3, which
     * {@code Double.toString} writes with an exponent, goes through {@code BigDecimal}.
     */
    private static String exact(double v, int digits) {
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
