package org.slacast.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * A client of one server's ingestion and scoring API. A server that does not answer, or answers 503, is retried
 * with a growing pause for up to {@code wait}, so a replay survives a restart; any other refusal ends the replay
 * with the server's own problem text.
 */
public final class DeskClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one ingestion request stored.
     *
     * @param tickets    tickets created or updated
     * @param events     new events stored
     * @param duplicates events already stored
     * @param errors     the problems of the items refused, as the server wrote them
     */
    public record Ingested(int tickets, int events, int duplicates, List<String> errors) {
    }

    private final URI base;
    private final String apiKey;
    private final Duration wait;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base   the server, e.g. http://127.0.0.1:7070
     * @param apiKey a score key, or null for an open server
     * @param wait   how long to keep retrying a server that does not answer
     */
    public DeskClient(URI base, String apiKey, Duration wait) {
        this.base = base;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.wait = wait;
    }

    /**
     * @param tickets tickets to create or update
     * @param events  events to store
     * @return what was stored
     */
    public Ingested ingest(List<Ticket> tickets, List<TicketEvent> events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ts = body.putArray("tickets");
        ArrayNode es = body.putArray("events");
        tickets.forEach(t -> ts.add(ticket(t)));
        events.forEach(e -> es.add(event(e)));
        JsonNode r = send(request("/v1/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST /v1/events");
        List<String> errors = new ArrayList<>();
        r.path("errors").forEach(p -> errors.add(problem(p)));
        return new Ingested(r.path("stored").path("tickets").asInt(), r.path("stored").path("events").asInt(),
                r.path("duplicates").asInt(), errors);
    }

    /**
     * @param ticketId  a stored ticket
     * @param asOf      the instant to score it at
     * @param requestId the request id to log the score under
     * @return the score, as {@code /v1/score} answers
     */
    public JsonNode score(String ticketId, Instant asOf, String requestId) {
        String path = "/v1/tickets/" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/score?as_of=" + asOf;
        return send(request(path).header("X-Request-Id", requestId).GET(), "GET /v1/tickets/{id}/score");
    }

    /** @param t a ticket @return its JSON object, in the native format's field names */
    static ObjectNode ticket(Ticket t) {
        ObjectNode n = fields(NativeFormat.TICKET_COLUMNS, NativeFormat.values(t), "ticket_id", "id");
        if (!t.attributes().isEmpty()) {
            ObjectNode a = n.putObject("attributes");
            t.attributes().forEach(a::put);
        }
        return n;
    }

    /** @param e an event @return its JSON object, in the native format's field names */
    static ObjectNode event(TicketEvent e) {
        return fields(NativeFormat.EVENT_COLUMNS, NativeFormat.values(e), null, null);
    }

    private static ObjectNode fields(List<String> names, String[] values, String rename, String as) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            if (!values[i].isEmpty()) {
                n.put(names.get(i).equals(rename) ? as : names.get(i), values[i]);
            }
        }
        return n;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        return apiKey == null ? b : b.header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 50;
        while (true) {
            HttpResponse<String> r = null;
            String failure;
            try {
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                failure = "it answered " + r.statusCode();
            } catch (java.net.ConnectException e) {
                failure = "nothing listens there";
            } catch (java.net.http.HttpTimeoutException e) {
                failure = "no answer in time";
            } catch (IOException e) {
                failure = e.getMessage() == null ? "the connection failed" : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (r != null && r.statusCode() == 200) {
                return read(r.body(), what);
            }
            if (r != null && r.statusCode() != 503) {
                throw refused(r, what);
            }
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                throw new BadInputException("no server answers " + what + " at " + base + " (" + failure + ") after "
                        + wait.toSeconds() + " s; start one with 'slacast serve', or give --url");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 2_000);
        }
    }

    private BadInputException refused(HttpResponse<String> r, String what) {
        String detail = problem(read(r.body(), what));
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            return new BadInputException(base + " refused " + what + " (" + r.statusCode() + ": " + detail
                    + "); give a score key with --api-key or SLACAST_API_KEY");
        }
        return new BadInputException(base + " refused " + what + " with " + r.statusCode() + ": " + detail);
    }

    private static JsonNode read(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", "a reply to " + what + " that is not JSON");
        }
    }

    private static String problem(JsonNode p) {
        StringBuilder s = new StringBuilder(p.path("detail").asText(p.path("title").asText("no detail")));
        p.path("errors").forEach(e -> s.append("; ").append(e.path("field").asText()).append(": ")
                .append(e.path("message").asText()));
        return s.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
