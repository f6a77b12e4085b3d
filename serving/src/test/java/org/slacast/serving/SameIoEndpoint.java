package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fair baseline for {@code POST /v1/score} in bench/http.sh: the same I/O and nothing else. It parses the
 * request with the server's own mapper into the same request objects (ticket, events, as_of, with every check),
 * and streams, with the same generator, a response of the same size and shape: a real score answer recorded from
 * the server at the start of the run. No clock, no features, no model, no log.
 */
public final class SameIoEndpoint {
    private SameIoEndpoint() {
    }

    /**
     * @param args the port and the recorded score answer (a JSON file)
     * @throws Exception when the answer cannot be read
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        JsonNode answer = ScoreJson.MAPPER.readTree(Files.readString(Path.of(args[1])));
        TicketJson tickets = new TicketJson(ServingConfig.Limits.defaults());
        Javalin.create(cfg -> {
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/same-io", ctx -> {
                tickets.request(ScoreJson.MAPPER.readTree(ctx.bodyInputStream()), "");
                ScoreJson.send(ctx, g -> g.writeTree(answer)); // as /v1/score sends it
            });
        }).start();
    }
}
