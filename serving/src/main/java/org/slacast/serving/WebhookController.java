package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.csv.RowException;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.datasets.importer.ImportMapping;
import org.slacast.datasets.webhook.JiraWebhook;

/**
 * {@code POST /v1/webhooks/{name}}: a ticketing tool's webhook, read through the import mapping configured under
 * that name, and stored as {@code POST /v1/events} would store it. A delivery that implies no event (an event
 * type the mapping does not name) is acknowledged, so that the tool does not retry it.
 */
final class WebhookController {
    private final Map<String, JiraWebhook> hooks = new LinkedHashMap<>();
    private final ScoringService scoring;
    private final ServingMetrics metrics;

    /**
     * @throws org.slacast.core.ConfigFileException when a mapping cannot be read, naming its file and key
     */
    WebhookController(ServingConfig config, ScoringService scoring, ServingMetrics metrics) {
        this.scoring = scoring;
        this.metrics = metrics;
        for (Map.Entry<String, Path> e : config.webhooks().entrySet()) {
            hooks.put(e.getKey(), new JiraWebhook(ImportMapping.load(e.getValue()), config.limits().maxTextChars()));
        }
    }

    void receive(Context ctx) {
        String name = ctx.pathParam("name");
        JiraWebhook hook = hooks.get(name);
        if (hook == null) {
            throw new NotFoundResponse("no webhook '" + ScoreJson.plain(name, 40) + "'; configured: "
                    + hooks.keySet() + " ('slacast serve --webhook NAME=MAPPING.yaml' adds one)");
        }
        JiraWebhook.Delivery d;
        try {
            d = hook.read(Requests.body(ctx));
        } catch (RowException e) {
            throw BadRequest.field(e.column() == null ? "(body)" : e.column(), e.getMessage());
        }
        Ticket t = d.ticket();
        if (!LiveDesk.current(t.createdAt()) || d.events().stream().anyMatch(e -> !LiveDesk.current(e.at()))) {
            throw BadRequest.field("(body)", "dates the issue or its change in the future; check the sender's clock");
        }
        // An update carries the issue as it is now: its attributes would rewrite what the ticket had at creation,
        // so they only create a ticket the store does not hold yet.
        boolean stored = scoring.desk().ticket(t.id()) != null;
        List<Ticket> tickets = d.created() || !stored ? List.of(t) : List.of();
        List<TicketEvent> events = d.events();
        int added = scoring.desk().ingest(tickets, events);
        metrics.ingested(tickets.size(), added, events.size() - added, 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", d.event());
        out.put("ticket_id", t.id());
        out.put("stored", TicketController.stored(tickets.size(), added));
        out.put("duplicates", events.size() - added);
        out.put("ignored", tickets.isEmpty() && events.isEmpty());
        ctx.json(out);
    }
}
