package org.slacast.serving.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.BadInputException;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;

/** The rules file: what it reads, and an error naming the file and the key for every mistake. */
class AlertConfigTest {
    static final String WEBHOOKS = "webhooks:\n  ops: {url: \"http://127.0.0.1:9/alerts\", secret_env: SECRET}\n"
            + "  chat: {url: \"https://hooks.slack.com/services/T/B/X\", template: slack}\n";

    static AlertConfig load(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, yaml);
        return AlertConfig.load(f, Map.of("SECRET", "k")::get);
    }

    @Test
    void theShippedExampleLoads() {
        AlertConfig c = AlertConfig.load(Path.of("../docs/examples/alerts.yaml"), n -> "a-secret");
        assertThat(c.rules()).isNotEmpty();
        assertThat(c.targets()).containsKey("ops");
    }

    @Test
    void readsRulesScopesWebhooksAndDelivery(@TempDir Path dir) throws Exception {
        AlertConfig c = load(dir, WEBHOOKS + """
                delivery: {attempts: 3, first_retry: 2s, max_retry: 1m, timeout: 500ms}
                rules:
                  - {name: late, when: {band: [at_risk, overdue]}, priorities: [critical, 2], notify: [chat]}
                  - {name: likely, when: {probability_at_least: 0.8}, teams: [Network], systems: Core}
                  - {name: pays, when: {saving_above: 0}}
                """);
        assertThat(c.rules()).extracting(AlertRule::name).containsExactly("late", "likely", "pays");
        AlertRule late = c.rules().get(0);
        assertThat(late.condition()).isEqualTo(new AlertCondition.InBand(Set.of(RiskBand.AT_RISK, RiskBand.OVERDUE)));
        assertThat(late.priorities()).containsExactlyInAnyOrder(Priority.CRITICAL, Priority.HIGH);
        assertThat(late.webhooks()).containsExactly("chat");
        assertThat(c.rules().get(1).systems()).containsExactly("Core");
        assertThat(c.rules().get(2).webhooks()).containsExactlyInAnyOrder("ops", "chat");
        assertThat(c.targets().get("ops").secret()).isEqualTo("k");
        assertThat(c.targets().get("ops").toString()).doesNotContain("k)").isEqualTo("ops (http://127.0.0.1:9/alerts)");
        assertThat(c.delivery()).isEqualTo(new DeliveryPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofMillis(500)));
        assertThat(c.delivery().backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.delivery().backoff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(c.delivery().backoff(20)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everyMistakeNamesTheFileAndTheKey(@TempDir Path dir) {
        String[][] cases = {
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: late}}\n", "rules[0].when.band: 'late' is not a band"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: overdue}, notify: [pager]}\n",
                "rules[0].notify: no webhook 'pager'"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {probability_at_least: 2}}\n",
                "rules[0].when.probability_at_least: give a probability from 0 to 1"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: overdue, saving_above: 0}}\n",
                "rules[0].when: give exactly one of"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: overdue}, team: [x]}\n", "rules[0].team: unknown key"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: overdue}}\n  - {name: a, when: {band: overdue}}\n",
                "rules[1].name: 'a' must be unique"},
            {WEBHOOKS + "rules:\n  - {name: a, when: {band: overdue}, priorities: [asap]}\n",
                "rules[0].priorities: 'asap' is not a priority"},
            {"webhooks:\n  ops: {url: \"ftp://x/y\"}\nrules:\n  - {name: a, when: {band: overdue}}\n",
                "webhooks.ops.url: 'ftp://x/y' is not an http or https URL"},
            {"webhooks:\n  ops: {url: \"http://x/y\", secret_env: NOPE}\nrules:\n  - {name: a, when: {band: overdue}}\n",
                "webhooks.ops.secret_env: the environment variable NOPE is not set"},
            {WEBHOOKS + "delivery: {attempts: 0}\nrules:\n  - {name: a, when: {band: overdue}}\n",
                "delivery.attempts: give a whole number from 1 to 100"},
            {WEBHOOKS + "delivery: {first_retry: soon}\nrules:\n  - {name: a, when: {band: overdue}}\n",
                "delivery.first_retry: 'soon' is not a duration"},
            {WEBHOOKS + "rules: []\n", "rules: give a list of 1 to 100 rules"},
            {"webhooks:\n  ops: {url: \"http://x/y\", template: nowhere.json}\nrules:\n  - {name: a, when: {band: overdue}}\n",
                "webhooks.ops.template: cannot read the template nowhere.json"},
            {"rules: [\n", "alerts.yaml:"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> load(dir, c[0])).as(c[1]).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("alerts.yaml").hasMessageContaining(c[1]);
        }
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderOrThatIsNotJsonIsRefused(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.json"), "{\"text\": \"{{ticket}}\"}");
        assertThatThrownBy(() -> AlertTemplate.parse(t.toString(), "alerts.yaml: webhooks.ops.template"))
                .hasMessageContaining("unknown placeholder {{ticket}}");
        Files.writeString(t, "{\"text\": {{ticket_id}}}");
        assertThatThrownBy(() -> AlertTemplate.parse(t.toString(), "alerts.yaml: webhooks.ops.template"))
                .hasMessageContaining("a rendered alert is not JSON");
    }

    @Test
    void theSlackPayloadIsJsonWithTheTicketsTextEscaped() throws Exception {
        Alert a = AlertSamples.alert();
        JsonNode slack = new ObjectMapper().readTree(AlertTemplate.parse("slack", "test").render(a));
        assertThat(slack.get("text").asText()).isEqualTo("sample: ticket INC-1 \"&lt;&amp;&gt;\"\\ (high, Network "
                + "\"ops\") is at_risk, breach probability 81%, due 2026-03-02T08:00:00Z");
        assertThat(slack.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        JsonNode generic = new ObjectMapper().readTree(AlertTemplate.parse("generic", "test").render(a));
        assertThat(generic.at("/ticket/id").asText()).isEqualTo("INC-1 \"<&>\"\\");
        assertThat(generic.at("/score/reasons/0/feature").asText()).isEqualTo("open_tickets_team");
        assertThat(generic.get("alert_id").asText()).isEqualTo(Alert.id("INC-1 \"<&>\"\\", "sample")).hasSize(32);
    }
}
