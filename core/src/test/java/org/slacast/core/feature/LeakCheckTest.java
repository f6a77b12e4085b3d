package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;

class LeakCheckTest {
    static final Path EXAMPLES = Path.of("../docs/examples");
    final TicketData data = TicketData.load(EXAMPLES);
    final PolicySet policies = PolicyFile.load(EXAMPLES.resolve("policy.yaml"));
    final FeatureSchema schema = FeatureSchema.fit(data.tickets(), org.slacast.core.policy.Metric.RESOLUTION, 8);
    final DeskState.History none = new DeskState().history(data.tickets().getFirst(), Instant.EPOCH);

    @Test
    void theCatalogueNeverLooksPastItsInstant() {
        FeatureExtractor x = new FeatureExtractor(schema, policies);
        for (Ticket t : data.tickets()) {
            for (Instant at : Checkpoints.of(t, policies.select(t), schema.metric(), List.of(0.0, 0.25, 0.5, 0.75))) {
                LeakCheck.verify(x, t, data.eventsOf(t.id()), at, none);
            }
        }
    }

    @Test
    void aFeatureBuiltToLeakIsCaughtAndNamed() {
        // "Will it be resolved?" read from the whole log: exactly the leak a careless feature makes.
        Feature leaky = new Feature("resolved_eventually", Feature.Kind.FLAG,
                in -> in.events().stream().anyMatch(e -> e.type() == EventType.RESOLVED) ? 1 : 0);
        FeatureExtractor x = new FeatureExtractor(schema, policies, List.of(leaky));
        Ticket t = data.tickets().getFirst();
        assertThatThrownBy(() -> LeakCheck.verify(x, t, data.eventsOf(t.id()), t.createdAt(), none))
                .isInstanceOf(LeakCheck.FeatureLeakException.class)
                .hasMessageStartingWith("feature 'resolved_eventually' leaks: for ticket " + t.id() + " at "
                        + t.createdAt() + " it is 1.0 with the later events and 0.0 without them")
                .satisfies(e -> assertThat(((LeakCheck.FeatureLeakException) e).feature())
                        .isEqualTo("resolved_eventually"));
    }

    @Test
    void unknownCategoriesFallIntoOtherInsteadOfFailing() {
        Vocabulary v = schema.vocabulary("system");
        assertThat(v.code("A system nobody has heard of")).isZero();
        assertThat(v.code(null)).isZero();
        assertThat(v.level(0)).isEqualTo("other");
        assertThat(TextHash.counts("Error 503 on ATM ATM", 4)).containsExactly(TextHash.counts("atm error atm", 4));
    }
}
