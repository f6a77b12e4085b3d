package org.slacast.training.desk;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import smile.math.special.Gamma;
import smile.stat.distribution.ChiSquareDistribution;
import org.slacast.core.ticket.Ticket;

/**
 * Whether breach rates really differ between segments (hour of day, shift, team, priority, contract, customer
 * tenure): per
 * dimension, Pearson's chi-square test of independence; per segment against the rest of the desk, Fisher's exact
 * test when an expected count is under 5 and the chi-square test otherwise; each rate with its Wilson 95% interval.
 * P-values are adjusted by Holm's step-down method (S. Holm, "A simple sequentially rejective multiple test
 * procedure", Scand. J. Statistics 6, 1979): across the dimensions, and across the segments of each dimension. A
 * difference <em>holds</em> when its adjusted p is below {@link #ALPHA}.
 *
 * @param dimensions each dimension tested, in the order of {@link #DIMENSIONS}
 */
public record SegmentTests(List<Dimension> dimensions) {
    /** The significance level. */
    public static final double ALPHA = 0.05;
    /**
     * The dimensions tested. Tenure is the customer's time on the desk when the ticket was opened, counted from
     * the customer's first ticket in the data, since exports carry no customer-since date.
     */
    public static final List<String> DIMENSIONS = List.of("hour", "shift", "team", "priority", "contract", "tenure");
    private static final double Z = 1.959963984540054;
    /** Tenure buckets, in order. */
    static final List<String> TENURE = List.of("under 30 days", "30 to 89 days", "90 to 364 days", "a year or more");

    /**
     * @param ticket   the ticket
     * @param breached whether it breached
     */
    public record Case(Ticket ticket, boolean breached) {
    }

    /**
     * @param name      the segment
     * @param tickets   its tickets
     * @param breached  their breaches
     * @param rate      the breach rate
     * @param low       the Wilson 95% interval's lower end
     * @param high      its upper end
     * @param test      "fisher" or "chi-square", against the rest of the desk
     * @param p         the test's p-value
     * @param adjusted  Holm-adjusted within the dimension
     * @param holds     whether the difference from the rest holds
     */
    public record Segment(String name, long tickets, long breached, double rate, double low, double high, String test,
                          double p, double adjusted, boolean holds) {
    }

    /**
     * @param name     the dimension
     * @param chiSquare Pearson's statistic over its segments
     * @param df       its degrees of freedom
     * @param p        its p-value
     * @param adjusted Holm-adjusted across the dimensions
     * @param holds    whether breach rates depend on the dimension
     * @param segments its segments, in their natural order
     */
    public record Dimension(String name, double chiSquare, int df, double p, double adjusted, boolean holds,
                            List<Segment> segments) {
    }

    /**
     * @param cases each ticket whose outcome is known, with it
     * @param zone  each ticket's zone, for its local hour
     * @return the tests
     */
    public static SegmentTests of(List<Case> cases, Function<Ticket, ZoneId> zone) {
        Map<String, java.time.Instant> since = new java.util.HashMap<>();
        for (Case c : cases) {
            if (c.ticket().customer() != null) {
                since.merge(c.ticket().customer(), c.ticket().createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Dimension> dims = new ArrayList<>();
        for (String d : DIMENSIONS) {
            Map<String, long[]> counts = new TreeMap<>(d.equals("tenure")
                    ? java.util.Comparator.comparingInt(TENURE::indexOf) : java.util.Comparator.naturalOrder());
            for (Case c : cases) {
                String key = d.equals("tenure") ? tenure(c.ticket(), since) : key(d, c.ticket(), zone);
                long[] n = counts.computeIfAbsent(key, k -> new long[2]);
                n[0]++;
                n[1] += c.breached() ? 1 : 0;
            }
            dims.add(dimension(d, counts));
        }
        double[] adjusted = holm(dims.stream().mapToDouble(Dimension::p).toArray());
        List<Dimension> out = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension x = dims.get(i);
            out.add(new Dimension(x.name(), x.chiSquare(), x.df(), x.p(), adjusted[i], adjusted[i] < ALPHA,
                    x.segments()));
        }
        return new SegmentTests(out);
    }

    private static String key(String dimension, Ticket t, Function<Ticket, ZoneId> zone) {
        return switch (dimension) {
            case "hour" -> String.format("%02d", t.createdAt().atZone(zone.apply(t)).getHour());
            case "shift" -> shift(t.createdAt().atZone(zone.apply(t)).getHour());
            case "team" -> t.team() == null ? "(none)" : t.team();
            case "priority" -> t.priority().label();
            default -> t.contract() == null ? "(none)" : t.contract();
        };
    }

    /** @return the customer's tenure bucket when the ticket was opened */
    static String tenure(Ticket t, Map<String, java.time.Instant> since) {
        java.time.Instant first = t.customer() == null ? null : since.get(t.customer());
        if (first == null) {
            return "(no customer)";
        }
        long days = java.time.Duration.between(first, t.createdAt()).toDays();
        return TENURE.get(days < 30 ? 0 : days < 90 ? 1 : days < 365 ? 2 : 3);
    }

    /** @param hour a local hour; @return its shift: early 06–14, late 14–22, night 22–06 */
    static String shift(int hour) {
        return hour >= 6 && hour < 14 ? "early 06-14" : hour >= 14 && hour < 22 ? "late 14-22" : "night 22-06";
    }

    private static Dimension dimension(String name, Map<String, long[]> counts) {
        long n = 0;
        long b = 0;
        for (long[] c : counts.values()) {
            n += c[0];
            b += c[1];
        }
        double chi = 0;
        for (long[] c : counts.values()) {
            chi += term(c[1], c[0] * (double) b / n) + term(c[0] - c[1], c[0] * (double) (n - b) / n);
        }
        int df = counts.size() - 1;
        double p = df < 1 || b == 0 || b == n ? 1 : 1 - new ChiSquareDistribution(df).cdf(chi);
        List<String> names = new ArrayList<>(counts.keySet());
        double[] ps = new double[names.size()];
        String[] tests = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            long[] c = counts.get(names.get(i));
            long[][] table = {{c[1], c[0] - c[1]}, {b - c[1], n - b - (c[0] - c[1])}};
            boolean small = Arrays.stream(expected(table)).anyMatch(e -> e < 5);
            tests[i] = small ? "fisher" : "chi-square";
            ps[i] = small ? fisher(table) : chiSquare(table);
        }
        double[] adj = holm(ps);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long[] c = counts.get(names.get(i));
            double[] w = wilson(c[1], c[0]);
            segments.add(new Segment(names.get(i), c[0], c[1], c[1] / (double) c[0], w[0], w[1], tests[i], ps[i],
                    adj[i], adj[i] < ALPHA));
        }
        return new Dimension(name, chi, Math.max(df, 0), p, p, false, segments);
    }

    private static double term(double observed, double expected) {
        return expected == 0 ? 0 : (observed - expected) * (observed - expected) / expected;
    }

    private static double[] expected(long[][] t) {
        double n = t[0][0] + t[0][1] + t[1][0] + t[1][1];
        double[] e = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                e[2 * i + j] = n == 0 ? 0 : (t[i][0] + t[i][1]) * (double) (t[0][j] + t[1][j]) / n;
            }
        }
        return e;
    }

    /**
     * @param t a 2×2 table
     * @return Pearson's chi-square p-value, without continuity correction; 1 when a margin is empty
     */
    public static double chiSquare(long[][] t) {
        double[] e = expected(t);
        if (Arrays.stream(e).anyMatch(x -> x == 0)) {
            return 1;
        }
        double chi = term(t[0][0], e[0]) + term(t[0][1], e[1]) + term(t[1][0], e[2]) + term(t[1][1], e[3]);
        return 1 - new ChiSquareDistribution(1).cdf(chi);
    }

    /**
     * @param t a 2×2 table
     * @return Fisher's exact two-sided p-value: the probability, with the margins fixed, of a table no more
     *         likely than this one
     */
    public static double fisher(long[][] t) {
        long r1 = t[0][0] + t[0][1];
        long c1 = t[0][0] + t[1][0];
        long n = r1 + t[1][0] + t[1][1];
        long lo = Math.max(0, r1 + c1 - n);
        long hi = Math.min(r1, c1);
        double observed = logHypergeometric(t[0][0], r1, c1, n);
        double p = 0;
        for (long k = lo; k <= hi; k++) {
            double lp = logHypergeometric(k, r1, c1, n);
            if (lp <= observed + 1e-7) {
                p += Math.exp(lp);
            }
        }
        return Math.min(1, p);
    }

    private static double logHypergeometric(long k, long r1, long c1, long n) {
        return logChoose(c1, k) + logChoose(n - c1, r1 - k) - logChoose(n, r1);
    }

    private static double logChoose(long n, long k) {
        return Gamma.lgamma(n + 1.0) - Gamma.lgamma(k + 1.0) - Gamma.lgamma(n - k + 1.0);
    }

    /**
     * @param successes breaches
     * @param n         tickets
     * @return the Wilson score 95% interval of the rate (E. B. Wilson, JASA 22, 1927)
     */
    public static double[] wilson(long successes, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = successes / (double) n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * @param p p-values
     * @return Holm's adjusted p-values, in the same order
     */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[p.length];
        double running = 0;
        for (int r = 0; r < p.length; r++) {
            running = Math.max(running, Math.min(1, (p.length - r) * p[order[r]]));
            out[order[r]] = running;
        }
        return out;
    }

    /** @param p a p-value; @return it with four decimals, or {@code <0.0001} below that */
    public static String format(double p) {
        return p < 1e-4 ? "<0.0001" : String.format(java.util.Locale.ROOT, "%.4f", p);
    }

    /** @return the segments that hold, by dimension, for a short summary */
    public Map<String, List<Segment>> holding() {
        Map<String, List<Segment>> out = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            List<Segment> s = d.segments().stream().filter(Segment::holds).toList();
            if (d.holds() && !s.isEmpty()) {
                out.put(d.name(), s);
            }
        }
        return out;
    }
}
