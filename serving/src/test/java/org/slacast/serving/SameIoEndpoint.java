package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fair baseline for {@code POST /v1/score} in bench/http.sh: the same I/O and nothing else. It parses the
 * request with the server's own mapper into the same request objects (ticket, events, as_of, with every check),
 * and streams, with the same generator, a response of the same size and shape: a real score answer recorded from
 * the server at the start of the run. With many bodies ({@code BODIES}, bench/answers.sh) the answers file holds
 * one answer a line, and each request gets its own ticket's. No clock, no features, no model, no log.
 */
public final class SameIoEndpoint {
    private SameIoEndpoint() {
    }

    /**
     * @param args the port and the recorded score answers (one JSON answer a line)
     * @throws Exception when the answers cannot be read
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        Map<String, JsonNode> byTicket = new HashMap<>();
        for (String line : lines) {
            JsonNode answer = ScoreJson.MAPPER.readTree(line);
            byTicket.putIfAbsent(answer.path("ticket_id").asText(), answer);
        }
        JsonNode first = ScoreJson.MAPPER.readTree(lines.getFirst());
        TicketJson tickets = new TicketJson(ServingConfig.Limits.defaults());
        Javalin.create(cfg -> {
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/same-io", ctx -> {
                TicketJson.Request r = tickets.request(ScoreJson.MAPPER.readTree(ctx.bodyInputStream()), "");
                JsonNode answer = byTicket.getOrDefault(r.ticket().id(), first);
                ScoreJson.send(ctx, g -> g.writeTree(answer)); // as /v1/score sends it
            });
        }).start();
    }
}
