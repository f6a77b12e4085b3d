package org.slacast.core.policy;

import org.slacast.core.BadInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations used in policy files and flags: {@code 15m}, {@code 4h}, {@code 1h30m}, {@code 2d}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m(?:in)?)?");

    private Durations() {
    }

    /**
     * A setting's duration, which may be shorter than a minute.
     *
     * @param text {@code 500ms}, {@code 10s}, or the forms of {@link #parse(String)}
     * @return the duration; zero only as {@code 0ms} or {@code 0s}, which a setting may mean as "none"
     * @throws IllegalArgumentException showing the accepted forms
     */
    public static Duration parseSetting(String text) {
        String v = text == null ? "" : text.strip();
        if (v.matches("\\d{1,9}ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d{1,9}s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return parse(v);
    }

    /**
     * @param text {@code 90m}, {@code 1h30m}, {@code 8h}, {@code 2d} (24-hour days) or ISO-8601 {@code PT8H}
     * @return the duration, positive
     * @throws IllegalArgumentException showing the accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = SHORT.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw invalid(text);
        }
        Duration d = Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)));
        return positive(d, text);
    }

    /**
     * @param d a duration
     * @return the short form, e.g. {@code 1h30m}
     */
    public static String format(Duration d) {
        long m = d.toMinutes();
        StringBuilder b = new StringBuilder();
        if (m >= 60) {
            b.append(m / 60).append('h');
        }
        if (m % 60 != 0 || m == 0) {
            b.append(m % 60).append('m');
        }
        return b.toString();
    }

    private static long num(String g) {
        return g == null ? 0 : Long.parseLong(g);
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new BadInputException("duration '" + text + "' must be positive");
        }
        return d;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; use forms like 15m, 4h, 1h30m, 2d or PT4H");
    }
}
