package org.slacast.training.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slacast.core.cost.CostModel;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;

/**
 * The report's view of the desk beyond its models: where the time goes, which segment differences hold, the staffing
 * Erlang C asks for, and the stages worth shortening first. It reads the latest {@link #MAX_TICKETS} tickets, so
 * that a large desk's report stays quick; {@code slacast scenario}, {@code segments} and {@code staffing} read all.
 *
 * @param tickets   tickets read
 * @param stages    the stage decompositions of resolution and first response
 * @param segments  the segment tests on the report's labels
 * @param staffing  Erlang C per hour of the week for L1 (80% answered within an hour), beside the roster's L1
 *                  agents when there is one
 * @param proposals the stages worth shortening first, each {@link #PROPOSED_SHARE} faster
 */
public record DeskAnalysis(long tickets, List<StageDecomposition> stages, SegmentTests segments,
                           StaffingPlan staffing, List<Scenario> proposals) {
    /** The most tickets read. */
    public static final int MAX_TICKETS = 20_000;
    /** How much faster each proposed stage is made. */
    public static final double PROPOSED_SHARE = 0.2;

    /**
     * @param data     the desk
     * @param policies its policies
     * @param cases    the tickets with known labels, as the report counts them
     * @param cost     the penalties
     * @param roster   who is on duty, or null
     * @return the analysis; without a staffing plan when no resolved ticket shows a handle time
     */
    public static DeskAnalysis of(TicketData data, PolicySet policies, List<SegmentTests.Case> cases, CostModel cost,
                                  Roster roster) {
        List<Ticket> latest = data.tickets().stream().sorted(Comparator.comparing(Ticket::createdAt).reversed())
                .limit(MAX_TICKETS).toList();
        Set<String> ids = new java.util.HashSet<>();
        latest.forEach(t -> ids.add(t.id()));
        Scenario.Desk desk = new Scenario.Desk(new TicketData(latest, data.events(), List.of(), 0), policies);
        List<StageTimes> times = desk.stages();
        List<StageDecomposition> stages = new ArrayList<>();
        for (Metric m : Scenario.METRICS) {
            stages.add(StageDecomposition.of(times, m, desk::paused));
        }
        List<SegmentTests.Case> mine = cases.stream().filter(c -> ids.contains(c.ticket().id())).toList();
        SegmentTests segments = SegmentTests.of(mine, desk::zone);
        double handle = StaffingPlan.medianHandle(times, Set.of("in_progress"), true);
        StaffingPlan staffing = Double.isNaN(handle) || mine.isEmpty() ? null : StaffingPlan.of(mine, desk::zone,
                t -> cost.penalty(t.priority(), t.contract(), t.customer()), handle, 60, 0.8, roster == null ? null
                : roster.inTier(org.slacast.core.ticket.Tier.L1));
        return new DeskAnalysis(latest.size(), stages, segments, staffing, desk.proposals(PROPOSED_SHARE, 5));
    }
}
