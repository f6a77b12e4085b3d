package org.slacast.datasets.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ConfigFileException;
import org.slacast.core.csv.RowException;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.datasets.importer.ImportMapping;

/** The shipped Jira mapping on sample deliveries written in Jira Cloud's documented webhook shape. */
class JiraWebhookTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JiraWebhook JIRA = new JiraWebhook(ImportMapping.load(Path.of("mappings/jira-webhook.yaml")), 200);

    static JsonNode sample(String name) throws IOException {
        return JSON.readTree(Path.of("sample/jira-webhook", name).toFile());
    }

    @Test
    void aCreatedIssueIsATicketWithItsCreatedEvent() throws IOException {
        JiraWebhook.Delivery d = JIRA.read(sample("1-created.json"));
        assertThat(d.created()).isTrue();
        var t = d.ticket();
        assertThat(t.id()).isEqualTo("SD-42");
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.team()).isEqualTo("Service Desk L1");
        assertThat(t.system()).isEqualTo("Payments");
        assertThat(t.customer()).isEqualTo("Acme Retail");
        assertThat(t.category()).isEqualTo("Incident");
        assertThat(t.body()).isEqualTo("Since 08:50 every card payment returns error 502.");
        assertThat(d.events()).containsExactly(TicketEvent.of("SD-42", t.createdAt(), EventType.CREATED));
    }

    @Test
    void anUpdateGivesOneEventPerChangelogItemOnAMappedFieldWithTheIssuesNewValues() throws IOException {
        var assigned = JIRA.read(sample("2-assigned.json")).events();
        Instant at = Instant.parse("2026-03-02T09:10:00Z");
        String bo = "5b10a2844c20165700ede21g";
        assertThat(assigned).containsExactly(
                new TicketEvent("SD-42", at, EventType.ASSIGNED, null, null, null, "Service Desk L1", bo),
                new TicketEvent("SD-42", at, EventType.STATUS_CHANGE, "in_progress", null, null, "Service Desk L1", bo));
        // Priority, team and a pausing status change; the labels item maps to no field and gives nothing.
        Instant later = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(JIRA.read(sample("4-escalated.json")).events()).containsExactly(
                new TicketEvent("SD-42", later, EventType.PRIORITY_CHANGE, null, Priority.CRITICAL, null, "Payments L2", bo),
                new TicketEvent("SD-42", later, EventType.REASSIGNED, null, null, null, "Payments L2", bo),
                new TicketEvent("SD-42", later, EventType.STATUS_CHANGE, "pending_customer", null, null, "Payments L2", bo));
        assertThat(JIRA.read(sample("5-resolved.json")).events()).extracting(TicketEvent::type)
                .containsExactly(EventType.RESOLVED);
    }

    @Test
    void otherDeliveriesAreEventsWhenTheMappingNamesThemAndIgnoredOtherwise() throws IOException {
        JiraWebhook.Delivery comment = JIRA.read(sample("3-comment.json"));
        assertThat(comment.created()).isFalse();
        assertThat(comment.events()).extracting(TicketEvent::type, TicketEvent::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.FIRST_RESPONSE,
                        Instant.parse("2026-03-02T09:15:00Z")));
        ObjectNode worklog = (ObjectNode) sample("3-comment.json");
        worklog.put("webhookEvent", "worklog_updated");
        assertThat(JIRA.read(worklog).events()).isEmpty();
    }

    @Test
    void aBadPayloadNamesThePathAtFault() throws IOException {
        ObjectNode p = (ObjectNode) sample("1-created.json");
        ((ObjectNode) p.get("issue").get("fields")).put("created", "yesterday");
        assertThatThrownBy(() -> JIRA.read(p)).isInstanceOf(RowException.class)
                .hasMessageContaining("'yesterday' matches none of the formats given under formats.created_at")
                .extracting(e -> ((RowException) e).column()).isEqualTo("issue.fields.created");
        ((ObjectNode) p.get("issue").get("fields")).set("created", JSON.createObjectNode());
        assertThatThrownBy(() -> JIRA.read(p)).hasMessageContaining("is an object; point fields.created_at");
        ((ObjectNode) p.get("issue").get("fields").get("priority")).put("name", "Sev-X");
        ((ObjectNode) p.get("issue").get("fields")).put("created", "2026-03-02T09:00:00.000+0000");
        assertThatThrownBy(() -> JIRA.read(p)).hasMessageContaining("add it under values.priority");
        assertThatThrownBy(() -> JIRA.read(JSON.readTree("{\"issue\": {}}")))
                .hasMessageContaining("is required: Jira names the event there");
        assertThatThrownBy(() -> JIRA.read(JSON.readTree("[1]"))).hasMessageContaining("must be a JSON object");
    }

    @Test
    void textLosesControlCharactersAndIsCutToTheBound() throws IOException {
        ObjectNode p = (ObjectNode) sample("1-created.json");
        ((ObjectNode) p.get("issue").get("fields")).put("summary", "a\u0000b" + "x".repeat(500));
        assertThat(JIRA.read(p).ticket().subject()).startsWith("abxx").hasSize(200);
    }

    @Test
    void aMappingThatCannotReadAWebhookIsRefusedWithItsKey(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("m.yaml");
        Files.writeString(m, """
                shape: event_log
                fields: {ticket_id: issue.key, at: timestamp, activity: issue.fields.status.name, priority: x}
                """);
        assertThatThrownBy(() -> new JiraWebhook(ImportMapping.load(m), 100)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("fields.created_at: is required for a webhook");
        Files.writeString(m, """
                shape: event_log
                fields: {ticket_id: issue..key, created_at: c, at: timestamp, activity: s, priority: x}
                """);
        assertThatThrownBy(() -> new JiraWebhook(ImportMapping.load(m), 100))
                .hasMessageContaining("fields.ticket_id: 'issue..key' is not a path");
    }
}
