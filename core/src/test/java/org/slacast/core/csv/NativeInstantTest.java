package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A native row reads the same instant through the fast form and the general parser. */
class NativeInstantTest {
    @Test
    void aRowReadsTheSameInstantEitherWay() {
        CsvRow row = new CsvRow("f", 2, Map.of("at", 0), new String[] {"2016-12-31T23:59:60Z"});
        assertThat(NativeFormat.instant(row, "at")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
        CsvRow plain = new CsvRow("f", 2, Map.of("at", 0), new String[] {"2026-03-02T09:15:00Z"});
        assertThat(NativeFormat.instant(plain, "at", java.time.ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
    }
}
