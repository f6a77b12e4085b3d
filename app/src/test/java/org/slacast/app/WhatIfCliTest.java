package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatIfCliTest {
    @Test
    void eachChangeIsReportedAgainstTheUnchangedDeskWithIntervals() {
        CliRun run = CliRun.of("whatif", "--profile", "banking-it", "--tickets", "600", "--runs", "2",
                "--add-agent", "L1 22:00-06:00 Mon-Fri", "--faster", "L2=20%", "--reopen-rate", "-25%");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("banking-it, 600 tickets per run, seeds 42..43",
                "--add-agent L1 22:00-06:00 Mon-Fri", "--faster L2=20%", "--reopen-rate -25%", "penalty saved",
                "agent hours added", "p95 resolution", "first_response", "resolution");
        assertThat(CliRun.of("whatif", "--profile", "banking-it", "--tickets", "600", "--runs", "2",
                "--add-agent", "L1 22:00-06:00 Mon-Fri").out())
                .isEqualTo(CliRun.of("whatif", "--profile", "banking-it", "--tickets", "600", "--runs", "2",
                        "--add-agent", "L1 22:00-06:00 Mon-Fri").out());
    }

    @Test
    void mistakesAreNamed() {
        assertThat(CliRun.of("whatif").code()).isEqualTo(2); // no change given
        CliRun bad = CliRun.of("whatif", "--faster", "L9=20%");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown stage 'L9'");
        assertThat(CliRun.of("whatif", "--reopen-rate", "less").err()).contains("is not a percentage");
    }
}
