package org.slacast.datasets.whatif;

/**
 * The mean of one difference over several seeds, with a Student-t 95% interval: each seed's difference is one
 * independent observation (replications of a terminating simulation; Law, "Simulation Modeling and Analysis",
 * 5th ed., ch. 9.4.1).
 *
 * @param mean the mean over seeds
 * @param low  the interval's lower end (the mean itself with one seed)
 * @param high its upper end
 * @param runs how many seeds
 */
public record SeedInterval(double mean, double low, double high, int runs) {
    /** t(0.975, df) for df = 1..30; above 30 the normal 1.96 is within 2%. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /**
     * @param values one difference per seed
     * @return their mean and interval
     */
    public static SeedInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SeedInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        if (n == 1) {
            return new SeedInterval(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new SeedInterval(mean, mean - half, mean + half, n);
    }

    static double t975(int df) {
        return df <= T975.length ? T975[df - 1] : 1.96;
    }

    /** @return whether the interval excludes 0 */
    public boolean holds() {
        return low > 0 || high < 0;
    }

    /** @return e.g. {@code 41.2 [30.1, 52.3]} */
    public String format(String pattern) {
        return String.format(java.util.Locale.ROOT, pattern + " [" + pattern + ", " + pattern + "]", mean, low, high);
    }
}
