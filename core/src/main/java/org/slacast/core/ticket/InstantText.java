package org.slacast.core.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The common instant form, {@code 2026-03-02T09:15:00Z} (whole seconds in UTC, as {@link Instant#toString} writes
 * them), read and written without a formatter. The general parsers and formatters cost about a microsecond a
 * value: over millions of events that is most of the time spent reading and writing files, and on the scoring
 * path a visible share of a request. Anything else is left to them, so what is accepted, what is written and
 * every message stay theirs.
 */
public final class InstantText {
    private static final long YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private InstantText() {
    }

    /**
     * @param v text
     * @return the instant, or null when the text is not exactly a valid {@code yyyy-MM-ddTHH:mm:ssZ} (a leap second
     *         and an invalid date included): then the caller's general parser decides
     */
    public static Instant parse(String v) {
        if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** @return the non-negative number in {@code v[from, from + n)}, or −1 if a character is not an ASCII digit */
    private static int digits(String v, int from, int n) {
        int x = 0;
        for (int i = from; i < from + n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    /**
     * @param at an instant
     * @return its ISO-8601 text, exactly as {@code at.toString()}: whole seconds from the year 1000 to 9999 without
     *         a formatter, other instants by it
     */
    public static String format(Instant at) {
        long s = at.getEpochSecond();
        if (at.getNano() != 0 || s < YEAR_1000 || s >= YEAR_10000) {
            return at.toString();
        }
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(s, 86_400));
        int t = (int) Math.floorMod(s, 86_400);
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        put(c, 0, d.getYear(), 4);
        put(c, 5, d.getMonthValue(), 2);
        put(c, 8, d.getDayOfMonth(), 2);
        put(c, 11, t / 3_600, 2);
        put(c, 14, t / 60 % 60, 2);
        put(c, 17, t % 60, 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
