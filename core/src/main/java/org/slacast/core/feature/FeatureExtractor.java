package org.slacast.core.feature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Computes feature vectors. Training and serving construct it from the same schema and call the same method, so a
 * ticket scored live gets exactly the vector it would have had in training.
 */
public final class FeatureExtractor {
    private final FeatureSchema schema;
    private final PolicySet policies;
    private final List<Feature> features;
    private final SlaClock clock = new SlaClock();

    /**
     * @param schema   the schema
     * @param policies the SLA policies that give targets and calendars
     */
    public FeatureExtractor(FeatureSchema schema, PolicySet policies) {
        this(schema, policies, List.of());
    }

    /**
     * An extractor with extra features appended, for experiments and for testing the leak check.
     *
     * @param schema   the schema
     * @param policies the SLA policies
     * @param extra    features appended after the catalogue's
     */
    public FeatureExtractor(FeatureSchema schema, PolicySet policies, List<Feature> extra) {
        this.schema = schema;
        this.policies = policies;
        List<Feature> all = new ArrayList<>(Features.of(schema));
        all.addAll(extra);
        this.features = List.copyOf(all);
    }

    /** @return the schema */
    public FeatureSchema schema() {
        return schema;
    }

    /** @return the features, in vector order */
    public List<Feature> features() {
        return features;
    }

    /**
     * Reads the SLA clock for a ticket at an instant.
     *
     * @param t      the ticket
     * @param events its events; later ones are ignored by the clock
     * @param at     the instant
     * @return every metric the policy defines
     */
    public TicketSla sla(Ticket t, List<TicketEvent> events, Instant at) {
        return clock.measure(t, events, policies.select(t), at);
    }

    /**
     * @param t       the ticket
     * @param events  its events so far (later ones are ignored)
     * @param at      the instant it is scored at
     * @param history what the desk knew at {@code at}
     * @return the vector
     */
    public FeatureVector extract(Ticket t, List<TicketEvent> events, Instant at, DeskState.History history) {
        return extract(t, events, at, sla(t, events, at), history);
    }

    /**
     * As {@link #extract(Ticket, List, Instant, DeskState.History)}, reusing a clock reading already taken at
     * {@code at} from the same events.
     *
     * @param t       the ticket
     * @param events  its events so far
     * @param at      the instant
     * @param sla     the clock read at {@code at}
     * @param history what the desk knew at {@code at}
     * @return the vector
     */
    public FeatureVector extract(Ticket t, List<TicketEvent> events, Instant at, TicketSla sla,
                                 DeskState.History history) {
        FeatureInput in = input(t, events, at, sla, history);
        double[] v = new double[features.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = features.get(i).value(in);
        }
        return new FeatureVector(v);
    }

    /** Bodies are hashed up to this many characters: the start says what the ticket is, and CPU stays bounded. */
    public static final int BODY_CHARS = 4_000;

    private static String head(String body) {
        return body == null || body.length() <= BODY_CHARS ? body : body.substring(0, BODY_CHARS);
    }

    FeatureInput input(Ticket t, List<TicketEvent> events, Instant at, TicketSla sla, DeskState.History history) {
        SlaPolicy policy = sla.policy();
        MetricStatus target = sla.metric(schema.metric()).orElse(null);
        // Files need not list events in time order; "the latest tier" must mean the latest in the clock's order,
        // which also settles events at one instant.
        List<TicketEvent> known = events.stream().filter(e -> !e.at().isAfter(at))
                .sorted(org.slacast.core.ticket.EventOrder.ORDER).toList();
        return new FeatureInput(t, events, at, policy, target, history,
                TextHash.counts(t.subject(), schema.textBuckets()), TextHash.counts(head(t.body()), schema.bodyBuckets()),
                known, at.atZone(policy.calendar().zone()));
    }
}
