package org.slacast.serving;

import io.javalin.Javalin;

/**
 * A Javalin endpoint that does nothing but read the body and answer a fixed JSON object: the ceiling that
 * bench/http.sh compares {@code /v1/score} against, on the same machine in the same run.
 */
public final class BareEndpoint {
    private BareEndpoint() {
    }

    /**
     * @param args the port
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7082;
        Javalin.create(cfg -> {
            cfg.jetty.port = port;
            cfg.routes.post("/bare", ctx -> {
                ctx.bodyAsBytes();
                ctx.contentType("application/json").result("{\"breach_probability\":0.5}");
            });
        }).start();
    }
}
