package org.slacast.training.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;

/**
 * Four high-priority gold tickets (round the clock: first response 30 minutes, resolution 8 hours, paused in
 * pending_customer), each breaching for its own reason: A waits 10 hours for parts, B answers late and waits for
 * the customer, C is reopened, D waits 8.5 hours for a change.
 */
class ScenarioTest {
    @TempDir
    static Path dir;
    static TicketData data;
    static PolicySet policies;
    static Scenario.Desk desk;

    @BeforeAll
    static void desk() throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,contract,category
                A,2026-03-02T00:00:00Z,high,gold,Hardware
                B,2026-03-02T00:00:00Z,high,gold,Access
                C,2026-03-02T00:00:00Z,high,gold,Access
                D,2026-03-02T00:00:00Z,high,gold,Network
                """);
        Files.writeString(dir.resolve("events.csv"), """
                ticket_id,at,type,status
                A,2026-03-02T00:10:00Z,first_response,in_progress
                A,2026-03-02T01:00:00Z,status_change,awaiting_parts
                A,2026-03-02T11:00:00Z,status_change,in_progress
                A,2026-03-02T12:00:00Z,resolved,
                B,2026-03-02T01:00:00Z,first_response,in_progress
                B,2026-03-02T02:00:00Z,status_change,pending_customer
                B,2026-03-02T06:00:00Z,status_change,in_progress
                B,2026-03-02T09:00:00Z,resolved,
                C,2026-03-02T00:05:00Z,first_response,in_progress
                C,2026-03-02T02:00:00Z,resolved,
                C,2026-03-02T03:00:00Z,reopened,
                C,2026-03-02T10:00:00Z,resolved,
                D,2026-03-02T00:20:00Z,first_response,in_progress
                D,2026-03-02T00:30:00Z,status_change,awaiting_change
                D,2026-03-02T09:00:00Z,status_change,in_progress
                D,2026-03-02T09:30:00Z,resolved,
                """);
        data = TicketData.load(dir);
        policies = PolicyFile.load(Path.of("../docs/examples/policy.yaml"));
        desk = new Scenario.Desk(data, policies);
    }

    @Test
    void stageTimesCountBusinessMinutesPerStatusUntilEachMetricStops() {
        List<StageTimes> t = desk.stages();
        assertThat(t.get(0).resolution()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("new", 10.0,
                "in_progress", 110.0, "awaiting_parts", 600.0));
        assertThat(t.get(1).resolution()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("new", 60.0,
                "in_progress", 240.0, "pending_customer", 240.0));
        // The hour between C's resolution and its reopen counts for nothing.
        assertThat(t.get(2).resolution()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("new", 5.0,
                "in_progress", 115.0, "reopened", 420.0));
        assertThat(t.get(3).firstResponse()).containsExactly(java.util.Map.entry("new", 20.0));
    }

    @Test
    void theDecompositionFindsTheStageThatDrivesTheTail() {
        StageDecomposition d = StageDecomposition.of(desk.stages(), Metric.RESOLUTION, desk::paused);
        assertThat(d.groups()).extracting(StageDecomposition.Group::tier, StageDecomposition.Group::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("all", "all"),
                        org.assertj.core.groups.Tuple.tuple("L1", "all"));
        StageDecomposition.Group all = d.groups().getFirst();
        assertThat(all.tickets()).isEqualTo(4);
        assertThat(all.p95()).isEqualTo(720.0);
        assertThat(all.driver()).isEqualTo("awaiting_parts");
        StageDecomposition.Stage parts = all.stages().stream().filter(s -> s.status().equals("awaiting_parts"))
                .findFirst().orElseThrow();
        assertThat(parts).isEqualTo(new StageDecomposition.Stage("awaiting_parts", false, 1, 600, 600, 600,
                600 / 2370.0, 600 / 720.0));
        StageDecomposition.Stage work = all.stages().stream().filter(s -> s.status().equals("in_progress"))
                .findFirst().orElseThrow();
        assertThat(work.visits()).isEqualTo(4);
        assertThat(work.p50()).isEqualTo(110.0);
        assertThat(work.p90()).isEqualTo(240.0);
        assertThat(all.stages().stream().filter(StageDecomposition.Stage::paused)
                .map(StageDecomposition.Stage::status)).containsExactly("pending_customer");
    }

    @Test
    void aFasterStageMovesWhatFollowsSoonerAndAvoidsTheBreach() {
        HistoryChange.Faster half = HistoryChange.Faster.parse("awaiting_parts=50%");
        Ticket a = data.tickets().getFirst();
        var moved = half.apply(a, sorted("A"), policies.select(a));
        assertThat(moved).extracting(e -> e.at().toString()).containsExactly("2026-03-02T00:10:00Z",
                "2026-03-02T01:00:00Z", "2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z");
        Scenario s = desk.run(half);
        assertThat(s.change()).isEqualTo("--faster awaiting_parts=50%");
        assertThat(s.eligible()).isEqualTo(1);
        assertThat(s.total(Metric.RESOLUTION)).isEqualTo(new Scenario.Row("resolution", "all", 4, 3, 2));
        assertThat(s.total(Metric.FIRST_RESPONSE)).isEqualTo(new Scenario.Row("first_response", "all", 4, 1, 1));
        assertThat(s.rows()).contains(new Scenario.Row("resolution", "high", 4, 3, 2));
        assertThat(s.hoursSaved()).isEqualTo(5.0);
        assertThat(s.p95Before()).isEqualTo(720.0);
        assertThat(s.p95After()).isEqualTo(570.0);
    }

    @Test
    void aPauseChangesTheReportingDefinition() {
        Scenario s = desk.run(new HistoryChange.Pause("Awaiting_Change"));
        assertThat(s.change()).isEqualTo("--pause awaiting_change");
        assertThat(s.eligible()).isEqualTo(1);
        assertThat(s.total(Metric.RESOLUTION).avoided()).isEqualTo(1);
        assertThat(s.hoursSaved()).isEqualTo(8.5);
    }

    @Test
    void droppedReopensEndAtTheFirstResolutionAndTheChoiceIsFixedBySeed() {
        HistoryChange.DropReopens all = HistoryChange.DropReopens.of("100%", data.events(), 7);
        assertThat(all.chosen()).containsExactly("C");
        assertThat(HistoryChange.DropReopens.of("40%", data.events(), 7).chosen()).isEmpty();
        Scenario s = desk.run(all);
        assertThat(s.eligible()).isEqualTo(1);
        assertThat(s.total(Metric.RESOLUTION).avoided()).isEqualTo(1);
        assertThat(s.hoursSaved()).isEqualTo(7.0);
    }

    @Test
    void proposalsRankStagesByBreachesAvoidedThenHours() {
        assertThat(desk.proposals(0.5, 5)).extracting(Scenario::change).containsExactly(
                "--faster awaiting_parts=50%", "--faster awaiting_change=50%", "--faster reopened=50%",
                "--faster new=50%", "--faster in_progress=50%");
        assertThat(desk.proposals(0.5, 5).get(3).total(Metric.FIRST_RESPONSE).avoided()).isEqualTo(1);
    }

    @Test
    void badChangesSayWhatToWrite() {
        assertThatThrownBy(() -> HistoryChange.Faster.parse("awaiting_parts")).isInstanceOf(BadInputException.class)
                .hasMessage("--faster awaiting_parts: write STATUS=SHARE, e.g. awaiting_parts=20%");
        assertThatThrownBy(() -> HistoryChange.Faster.parse("x=150%")).isInstanceOf(BadInputException.class)
                .hasMessage("--faster x=150%: give a share above 0% and at most 100%, e.g. 20%");
        assertThatThrownBy(() -> HistoryChange.DropReopens.of("lots", data.events(), 1))
                .hasMessage("--drop-reopens lots: give a share above 0% and at most 100%, e.g. 20%");
    }

    private static List<org.slacast.core.ticket.TicketEvent> sorted(String id) {
        var ev = new java.util.ArrayList<>(data.eventsOf(id));
        ev.sort(org.slacast.core.ticket.EventOrder.ORDER);
        return ev;
    }

}
