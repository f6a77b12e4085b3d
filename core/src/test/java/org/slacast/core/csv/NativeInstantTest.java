package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reading of {@code 2026-03-02T09:15:00Z} agrees with Instant.parse, and leaves every other form to it. */
class NativeInstantTest {
    @Test
    void agreesWithInstantParseOnWholeSecondsFrom1900To2200() {
        Random r = new Random(17);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (r.nextDouble() * (to - from)));
            assertThat(NativeFormat.utcSeconds(at.toString())).isEqualTo(at);
        }
        assertThat(NativeFormat.utcSeconds("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @Test
    void leavesOtherFormsAndInvalidDatesToTheGeneralParser() {
        for (String v : new String[] {"2025-02-29T10:00:00Z", "2025-04-31T10:00:00Z", "2025-13-01T10:00:00Z",
            "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2016-12-31T23:59:60Z", "2025-01-01 10:00:00Z",
            "2025-01-01T10:00:00+01:00", "2025-01-01T10:00:00.5Z", "2025-01-01T10:00Z", "+2025-01-01T10:00:00Z",
            "2025-0a-01T10:00:00Z", "２０２５-01-01T10:00:00Z"}) {
            assertThat(NativeFormat.utcSeconds(v)).as(v).isNull();
        }
    }

    @Test
    void aRowReadsTheSameInstantEitherWay() {
        CsvRow row = new CsvRow("f", 2, Map.of("at", 0), new String[] {"2016-12-31T23:59:60Z"});
        assertThat(NativeFormat.instant(row, "at")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
        CsvRow plain = new CsvRow("f", 2, Map.of("at", 0), new String[] {"2026-03-02T09:15:00Z"});
        assertThat(NativeFormat.instant(plain, "at", java.time.ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
    }
}
