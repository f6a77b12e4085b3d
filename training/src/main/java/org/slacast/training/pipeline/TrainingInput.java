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
 */
public record TrainingInput(TicketData data, PolicySet policies, PolicyIdentity policy, GivenOutcomes given,
                            LabelMode label, String source) {

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
