package org.slacast.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The readings' instants are written exactly as Instant.toString writes them. */
class InstantTextTest {
    @Test
    void wholeSecondsAndEveryOtherInstantReadAsInstantToString() {
        Random r = new Random(17);
        long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (r.nextDouble() * (to - from)), i % 4 == 0
                    ? r.nextInt(1_000_000_000) : 0);
            assertThat(SlaRun.instant(at)).isEqualTo(at.toString());
        }
        for (String edge : new String[] {"1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T23:59:59Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            assertThat(SlaRun.instant(Instant.parse(edge))).isEqualTo(edge);
        }
    }
}
