package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The answer's numbers are written from their digits, with the text Jackson wrote for the rounded double. */
class ScoreJsonTest {
    @Test
    void aNumberIsTheTextJacksonWritesForItsRoundedDouble() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, r.nextInt(13) - 5);
            double v = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * scale;
            if (i % 4 == 0) {
                v = Math.round(v * 1e6) / 1e6 + (r.nextBoolean() ? 5e-7 : -5e-7); // halfway between millionths
            }
            assertSame(v);
        }
        for (double v : new double[] {0, -0.0, 1, -1, 0.5, 0.001, 0.000999, 0.0009995, -0.0009995, 0.0010004,
            9_999_999.999999, 9_999_999.9999996, 1e7, -1e7, 1e13, 123.4, 100, 0.1 + 0.2, 60.0, 480, 1.299794,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}) {
            assertSame(v);
        }
        // The digits themselves, not the fallback, write an answer's usual numbers.
        char[] text = new char[ScoreJson.MICROS_CHARS];
        assertThat(new String(text, 0, ScoreJson.micros(-135.6661044, text))).isEqualTo("-135.666104");
        assertThat(new String(text, 0, ScoreJson.micros(60, text))).isEqualTo("60.0");
        assertThat(ScoreJson.micros(-9_999_999.999999, text)).isEqualTo(ScoreJson.MICROS_CHARS);
        assertThat(ScoreJson.micros(0.0005, text)).isEqualTo(-1);
    }

    private static void assertSame(double v) {
        String fast = new String(ScoreJson.bytes(g -> write(g, v, true)), java.nio.charset.StandardCharsets.UTF_8);
        String jackson = new String(ScoreJson.bytes(g -> write(g, v, false)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fast).as("%s", v).isEqualTo(jackson);
    }

    private static void write(JsonGenerator g, double v, boolean fast) throws IOException {
        g.writeStartObject();
        if (fast) {
            ScoreJson.number(g, new com.fasterxml.jackson.core.io.SerializedString("x"), v);
        } else {
            g.writeNumberField("x", ScoreJson.round(v));
        }
        g.writeEndObject();
    }
}
