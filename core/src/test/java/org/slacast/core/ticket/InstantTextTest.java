package org.slacast.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast forms agree with Instant.toString and Instant.parse, and leave every other form to them. */
class InstantTextTest {
    @Test
    void wholeSecondsAndEveryOtherInstantReadAsInstantToString() {
        Random r = new Random(17);
        long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (r.nextDouble() * (to - from)), i % 4 == 0
                    ? r.nextInt(1_000_000_000) : 0);
            assertThat(InstantText.format(at)).isEqualTo(at.toString());
        }
        for (String edge : new String[] {"1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T23:59:59Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            assertThat(InstantText.format(Instant.parse(edge))).isEqualTo(edge);
        }
    }

    @Test
    void agreesWithInstantParseOnWholeSecondsFrom1900To2200() {
        Random r = new Random(17);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (r.nextDouble() * (to - from)));
            assertThat(InstantText.parse(at.toString())).isEqualTo(at);
        }
        assertThat(InstantText.parse("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @Test
    void leavesOtherFormsAndInvalidDatesToTheGeneralParser() {
        for (String v : new String[] {"2025-02-29T10:00:00Z", "2025-04-31T10:00:00Z", "2025-13-01T10:00:00Z",
            "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2016-12-31T23:59:60Z", "2025-01-01 10:00:00Z",
            "2025-01-01T10:00:00+01:00", "2025-01-01T10:00:00.5Z", "2025-01-01T10:00Z", "+2025-01-01T10:00:00Z",
            "2025-0a-01T10:00:00Z", "２０２５-01-01T10:00:00Z"}) {
            assertThat(InstantText.parse(v)).as(v).isNull();
        }
    }
}
