package org.slacast.training.pipeline;

import org.slacast.core.csv.GivenOutcomes;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyIdentity;
import org.slacast.core.policy.PolicySet;
import org.slacast.training.label.LabelMode;

/**
 * What a run reads: the tickets, their policy, and the outcomes given beside them.
 *
 * @param data     tickets and events
 * @param policies the SLA policies
 * @param policy   the policy file's identity, recorded in every bundle; null when there is no file (tests)
 * @param given    outcomes given by the source system, possibly none
 * @param label    the label asked for, or null for the default (given when there are given outcomes)
 * @param source   where the data came from, for provenance
 * @param roster   who is on duty (agents.csv beside the tickets), for the report's staffing gap; or null
 */
public record TrainingInput(TicketData data, PolicySet policies, PolicyIdentity policy, GivenOutcomes given,
                            LabelMode label, String source, org.slacast.training.desk.Roster roster) {

    /** Input without a roster. */
    public TrainingInput(TicketData data, PolicySet policies, PolicyIdentity policy, GivenOutcomes given,
                         LabelMode label, String source) {
        this(data, policies, policy, given, label, source, null);
    }

    /**
     * @param data     tickets and events
     * @param policies the SLA policies
     * @param source   where the data came from
     * @return input labelled by the clock, with no policy identity
     */
    public static TrainingInput ofClock(TicketData data, PolicySet policies, String source) {
        return new TrainingInput(data, policies, null, GivenOutcomes.none(), LabelMode.CLOCK, source);
    }
}
