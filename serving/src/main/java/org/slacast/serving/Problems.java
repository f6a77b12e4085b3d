package org.slacast.serving;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slacast.core.BadInputException;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: RFC 9457 problem+json for Javalin's typed responses, for slacast's
 * own exceptions, for anything unexpected (a logged 500 that says nothing of the cause), for errors of the JVM
 * (an exhausted heap answers 503), and for what Jetty refuses before Javalin sees it (a bad URI, a header too large).
 * No status is ever chosen from a message's text.
 */
final class Problems {
    static final String TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** Registers the mapping on a server's configuration. */
    static void install(JavalinConfig cfg) {
        cfg.routes.exception(BadRequest.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage(), e.errors()));
        cfg.routes.exception(HttpResponseException.class, Problems::typed);
        cfg.routes.exception(Registry.UnknownModelException.class, (e, ctx) -> write(ctx, 404, e.getMessage(),
                List.of()));
        // A model trained under another policy: the client may pick another model, or restart with warn.
        cfg.routes.exception(org.slacast.models.PolicyCheck.PolicyMismatchException.class, (e, ctx) -> write(ctx, 409,
                e.getMessage(), List.of()));
        cfg.routes.exception(ModelBundle.BundleException.class, (e, ctx) -> {
            // The message names files on the server; the client learns only that the bundle is unusable.
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, 422, "the model cannot be loaded (damaged or from another version); the server log says why",
                    List.of());
        });
        cfg.routes.exception(BadInputException.class, (e, ctx) -> write(ctx, 400, e.getMessage(), List.of()));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal error; the server log has the details", List.of());
        });
        cfg.router.javaLangErrorHandler((res, error) -> {
            LOG.error("JVM error while answering a request", error);
            byte[] body = json(503, error instanceof OutOfMemoryError ? "the server is out of memory; retry later"
                    : "internal error; the server log has the details", List.of());
            res.setStatus(503);
            res.setContentType(TYPE);
            try {
                res.getOutputStream().write(body);
            } catch (java.io.IOException ignored) {
                // the client is gone
            }
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        cfg.jetty.modifyServletContextHandler(h -> h.addFilter(new KnownMethods(), "/*",
                java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
    }

    private static void typed(HttpResponseException e, Context ctx) {
        if (e instanceof MethodNotAllowedResponse) {
            String allow = e.getDetails().getOrDefault("availableMethods", "").replaceAll("[\\[\\]]", "");
            if (!allow.isEmpty()) {
                ctx.header("Allow", allow);
            }
            write(ctx, 405, "method " + ctx.method().name() + " is not allowed here"
                    + (allow.isEmpty() ? "" : "; allowed: " + allow), List.of());
            return;
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? HttpStatus.forStatus(e.getStatus()).getMessage() : e.getMessage();
        write(ctx, e.getStatus(), detail, List.of());
    }

    static void write(Context ctx, int status, String detail, List<BadRequest.FieldError> errors) {
        ctx.status(status).contentType(TYPE).result(json(status, detail, errors));
    }

    static Map<String, Object> body(int status, String detail, List<BadRequest.FieldError> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.forStatus(status).getMessage());
        p.put("status", status);
        p.put("detail", detail);
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        return p;
    }

    static byte[] json(int status, String detail, List<BadRequest.FieldError> errors) {
        return ScoreJson.bytes(g -> g.writeObject(body(status, detail, errors)));
    }

    /** Jetty's own refusals, in the same shape as the API's. */
    private static final class JettyErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
            response.write(true, ByteBuffer.wrap(json(code, detail(code, message), List.of())), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, TYPE);
            return ByteBuffer.wrap(json(status, detail(status, reason), List.of()));
        }

        private static String detail(int code, String message) {
            String title = HttpStatus.forStatus(code).getMessage();
            return message == null || message.isBlank() ? title : message;
        }
    }
}
