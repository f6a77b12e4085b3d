package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;

/** Open attributes become features as their type says; those known only at the end never do. */
class OpenAttributeFeaturesTest {
    static Ticket ticket(int i, Map<String, String> attributes) {
        return Ticket.of("T" + i, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * i), Priority.HIGH)
                .withAttributes(attributes);
    }

    @Test
    void categoriesAndNumbersAreFeaturesAndEndAttributesAreNot() {
        List<Ticket> tickets = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            Map<String, String> a = new HashMap<>();
            a.put("cat.ci_type", i < 30 ? "server" : "app");
            if (i % 4 != 0) {
                a.put("num.related", Integer.toString(i));
            }
            a.put("end.num.handle_hours", "7.5");
            tickets.add(ticket(i, a));
            labels.put("T" + i, i < 30 ? 0 : 1);
        }
        FeatureSchema s = FeatureSchema.fit(tickets, labels, Metric.RESOLUTION, 0,
                new FeatureSchema.Encodings(true, true));
        assertThat(s.attributes()).containsExactly("cat.ci_type", "num.related");
        assertThat(s.names()).contains("attr_ci_type", "attr_related", "attr_related_missing",
                "attr_ci_type_breach_rate", "attr_ci_type_frequency", "system_frequency")
                .noneMatch(n -> n.contains("handle_hours"));
        s.checkCompatible();

        PolicySet policies = PolicyFile.load(Path.of("../docs/examples/policy.yaml"));
        FeatureExtractor x = new FeatureExtractor(s, policies);
        DeskState.History none = new DeskState().history(tickets.getFirst(), Instant.EPOCH);
        Ticket app = tickets.get(33);
        double[] v = x.extract(app, List.of(), app.createdAt(), none).values();
        assertThat(v[s.names().indexOf("attr_related")]).isEqualTo(33);
        assertThat(v[s.names().indexOf("attr_related_missing")]).isZero();
        assertThat(v[s.names().indexOf("attr_ci_type_frequency")]).isCloseTo(10 / 40.0, within(1e-12));
        assertThat(v[s.names().indexOf("attr_ci_type_breach_rate")]).isCloseTo((10 + 20 * 0.25) / 30, within(1e-12));
        assertThat(v[s.names().indexOf("attr_ci_type")]).isEqualTo(s.vocabulary("cat.ci_type").code("app"));
        double[] w = x.extract(tickets.get(4), List.of(), tickets.get(4).createdAt(), none).values();
        assertThat(w[s.names().indexOf("attr_related")]).as("missing is 0 with its flag").isZero();
        assertThat(w[s.names().indexOf("attr_related_missing")]).isEqualTo(1);
    }

    @Test
    void bodyWordsAreHashedIntoTheirOwnBucketsWhenAskedFor() {
        Ticket t = ticket(1, Map.of());
        t = new Ticket(t.id(), t.createdAt(), t.priority(), null, null, null, null, null, null, null, null, null,
                null, null, "printer", "The printer on floor three jams; printer again " + "x".repeat(5000));
        FeatureSchema s = FeatureSchema.fit(List.of(t), Metric.RESOLUTION, 2).withBodyBuckets(8);
        assertThat(s.names()).contains("subject_hash_1", "body_hash_0", "body_hash_7").doesNotContain("body_hash_8");
        s.checkCompatible();
        PolicySet policies = PolicyFile.load(Path.of("../docs/examples/policy.yaml"));
        double[] v = new FeatureExtractor(s, policies).extract(t, List.of(), t.createdAt(),
                new DeskState().history(t, Instant.EPOCH)).values();
        int[] expected = TextHash.counts(t.body().substring(0, FeatureExtractor.BODY_CHARS), 8);
        for (int b = 0; b < 8; b++) {
            assertThat(v[s.names().indexOf("body_hash_" + b)]).as("bucket %d", b).isEqualTo(expected[b]);
        }
        assertThat(java.util.Arrays.stream(expected).sum()).as("the, printer, floor, three, jams, printer, again, "
                + "and the run of x cut at 4,000 characters").isEqualTo(8);
    }

    @Test
    void aSchemaWithoutOpenAttributesKeepsTheNamesBundlesWereTrainedWith() {
        FeatureSchema s = FeatureSchema.fit(List.of(ticket(1, Map.of())), Metric.RESOLUTION, 16);
        assertThat(s.attributes()).isEmpty();
        assertThat(s.frequencies()).isEmpty();
        assertThat(s.names()).noneMatch(n -> n.startsWith("attr_") || n.endsWith("_frequency"));
    }
}
