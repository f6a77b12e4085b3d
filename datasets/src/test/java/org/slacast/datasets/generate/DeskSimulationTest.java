package org.slacast.datasets.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.ticket.EventType;

class DeskSimulationTest {
    @TempDir
    Path dir;

    static void generate(Path out, String profile, int n, long seed) throws IOException {
        Profile p = Profile.named(profile);
        try (DatasetWriter w = new DatasetWriter(out)) {
            DeskSimulation sim = new DeskSimulation(p, n, seed, w);
            sim.run(Instant.parse("2025-01-06T00:00:00Z"), done -> { });
            DatasetWriter.writeAgents(out, sim.agents());
        }
        Files.writeString(out.resolve("policy.yaml"), p.policyYaml());
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles() throws IOException {
        generate(dir.resolve("a"), "banking-it", 800, 7);
        generate(dir.resolve("b"), "banking-it", 800, 7);
        generate(dir.resolve("c"), "banking-it", 800, 8);
        for (String f : List.of("tickets.csv", "events.csv", "agents.csv", "root_causes.csv", "business_impact.csv")) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(dir.resolve("a/events.csv"), dir.resolve("c/events.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void everyTicketHasAConsistentLifeThatTheClockCanRead() throws IOException {
        generate(dir, "saas-support", 1500, 42);
        TicketData d = TicketData.load(dir);
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets()).hasSize(1500);
        assertThat(d.tickets()).allSatisfy(t -> {
            List<EventType> types = d.eventsOf(t.id()).stream().map(e -> e.type()).toList();
            assertThat(types).contains(EventType.CREATED, EventType.RESOLVED, EventType.CLOSED);
        });
        long escalated = d.events().values().stream().flatMap(List::stream)
                .filter(e -> e.type() == EventType.TIER_CHANGE).count();
        long paused = d.events().values().stream().flatMap(List::stream)
                .filter(e -> "pending_customer".equals(e.status())).count();
        assertThat(escalated).isGreaterThan(50);
        assertThat(paused).isGreaterThan(100);
        var outcome = new SlaRun().run(d, PolicyFile.load(dir.resolve("policy.yaml")), null);
        assertThat(outcome.rejects()).isEmpty();
        assertThat(outcome.results()).hasSize(1500);
        try (Stream<String> lines = Files.lines(dir.resolve("agents.csv"))) {
            assertThat(lines.skip(1).filter(l -> l.contains(",L1,00:00-08:00,")).count()).isEqualTo(1);
        }
    }

    @Test
    void breachesComeFromTheDeskAtRealisticRatesAndHitCriticalHardest() throws IOException {
        generate(dir, "banking-it", 6000, 7);
        TicketData d = TicketData.load(dir);
        SlaSummary s = SlaSummary.of(new SlaRun().run(d, PolicyFile.load(dir.resolve("policy.yaml")), null));
        SlaSummary.MetricSummary resolution = s.metrics().get("resolution");
        assertThat(resolution.breachRate()).isBetween(0.10, 0.35);
        assertThat(resolution.byPriority().get("critical").rate())
                .isGreaterThan(2 * resolution.byPriority().get("low").rate());
        assertThat(d.events().values().stream().flatMap(List::stream).map(e -> e.status()))
                .contains("awaiting_parts", "awaiting_change", "pending_customer");
        assertThat(d.tickets()).allSatisfy(t -> assertThat(t.body()).startsWith("Hello,\n" + t.subject() + ". ")
                .contains("@").endsWith(t.requester()));
    }

    @Test
    void unknownProfilesAreNamed() {
        assertThatThrownBy(() -> Profile.named("hospital")).hasMessage(
                "unknown profile 'hospital'; use one of [banking-it, saas-support]");
    }
}
