package org.slacast.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reason's numbers are written as the formatter wrote them before it was taken off the scoring path. */
class DecisionTest {

    private static String formatted(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Test
    void numbersMatchTheFormatterOnRandomValuesAndEdges() {
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, r.nextInt(9) - 4);
            double v = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * scale;
            if (i % 5 == 0) {
                v = Math.round(v * 1e4) / 1e4 + (r.nextBoolean() ? 5e-5 : 5e-3); // halfway cases
            }
            for (int digits : new int[] {2, 3, 4}) {
                assertThat(Decision.number(v, digits)).as("%s at %d", v, digits).isEqualTo(formatted(v, digits));
                assertThat(Decision.fixed(v, digits)).isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", v));
            }
        }
        for (double v : new double[] {0, -0.0, -0.001, 0.125, 1.005, 2.675, 200, 1e15, Double.NaN,
            Double.POSITIVE_INFINITY, 9.995, -9.995, 99.999, 0.995, -0.995, 999999.996, 9_999_999.995, 1e7, 0.00099,
            -0.004, 0.005, 12345.675}) {
            assertThat(Decision.number(v, 2)).as("%s", v).isEqualTo(formatted(v, 2));
            assertThat(Decision.fixed(v, 2)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
    }

    @Test
    void numbersNextToATieAndNearTheFastPathsBoundMatchTheFormatter() {
        Random r = new Random(6);
        for (int i = 0; i < 50_000; i++) {
            int digits = 2 + r.nextInt(3);
            double tie = (r.nextInt(2_000_000) - 1_000_000 + 0.5) / Math.pow(10, digits);
            double big = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * 2e9 / Math.pow(10, digits);
            for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), tie + 2e-7 / Math.pow(10, digits),
                tie - 2e-7 / Math.pow(10, digits), big, Math.round(big) + 0.5}) {
                assertThat(Decision.number(v, digits)).as("%s at %d", v, digits).isEqualTo(formatted(v, digits));
                assertThat(Decision.fixed(v, digits)).as("%s at %d", v, digits)
                        .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", v));
            }
        }
    }

    @Test
    void theReasonSpellsOutTheArithmetic() {
        assertThat(new Decision(0.31, 200, 0.5, 20).reason())
                .isEqualTo("expected saving 11.00 = 0.31 × 200 × 0.5 − 20: act");
        assertThat(new Decision(0.1, 50, 0.5, 20).reason())
                .isEqualTo("expected saving -17.50 = 0.1 × 50 × 0.5 − 20: do not act");
    }
}
