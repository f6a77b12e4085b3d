package org.slacast.serving;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.http.servlet.MaxRequestSize;
import java.io.IOException;
import java.io.InputStream;
import org.slacast.models.Explanation;

/** What every route reads from a request the same way: the JSON body, the request id, and the query options. */
final class Requests {
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String JSON = "application/json";

    private Requests() {
    }

    /**
     * The body as JSON. It must be sent as {@code application/json}: a browser cannot send that across origins
     * without a preflight, so a web page cannot post to the API behind a user's back.
     */
    static JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (!isJson(type)) {
            throw new UnsupportedMediaTypeResponse("send the body as Content-Type: application/json"
                    + (type == null ? "" : ", not " + ScoreJson.plain(type, 100)));
        }
        try {
            JsonNode n = ScoreJson.MAPPER.readTree(bytes(ctx));
            if (n == null || n.isMissingNode()) {
                throw BadRequest.of("the request body is empty; send a JSON object");
            }
            return n;
        } catch (StreamConstraintsException e) {
            throw BadRequest.of("the JSON is nested deeper than " + ScoreJson.MAX_NESTING + ", or has a number over "
                    + ScoreJson.MAX_NUMBER_CHARS + " or a field name over " + ScoreJson.MAX_NAME_CHARS + " characters");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw BadRequest.of("malformed JSON" + where + ": " + ScoreJson.plain(e.getOriginalMessage(), 300));
        } catch (IOException e) {
            throw BadRequest.of("cannot read the request body");
        }
    }

    /** @return whether a Content-Type names application/json, in any case, with or without parameters */
    static boolean isJson(String type) {
        if (type == null) {
            return false;
        }
        int end = type.indexOf(';');
        end = end < 0 ? type.length() : end;
        int from = 0;
        while (from < end && Character.isWhitespace(type.charAt(from))) {
            from++;
        }
        while (end > from && Character.isWhitespace(type.charAt(end - 1))) {
            end--;
        }
        return end - from == JSON.length() && type.regionMatches(true, from, JSON, 0, JSON.length());
    }

    /**
     * The body, at most {@code --max-body} bytes (Javalin's {@code maxRequestSize}). A declared length is read in
     * one call: Javalin's {@code bodyAsBytes} copied it through an 8 KB buffer and a growing array, about 1.5 µs of
     * a score's CPU. A body without a length is read up to one byte past the bound. Neither allocates more than
     * what arrives: {@code readNBytes} grows its buffer as bytes come. No Java array holds over 2 GiB, whatever the
     * setting.
     *
     * <p>A body past the bound is read on and thrown away, up to {@link #swallow} bytes more, before the 413: a
     * server that closes on unread bytes resets the connection, and a client still sending then sees no answer at
     * all (Tomcat's {@code maxSwallowSize} does the same). A declared length past that is refused unread.
     */
    private static byte[] bytes(Context ctx) throws IOException {
        long max = Math.min(ctx.appData(MaxRequestSize.INSTANCE.getMaxRequestSizeKey()), Integer.MAX_VALUE - 9);
        long declared = ctx.req().getContentLengthLong();
        InputStream in = ctx.req().getInputStream();
        if (declared > max) {
            if (declared - max <= swallow(max)) {
                discard(in, declared);
            }
            throw tooLarge(max);
        }
        byte[] b = in.readNBytes(declared >= 0 ? (int) declared : (int) max + 1);
        if (declared >= 0 && b.length < declared) {
            throw BadRequest.of("the request body ended after " + b.length + " of the " + declared
                    + " bytes its Content-Length declared");
        }
        if (b.length > max) {
            discard(in, swallow(max) - (b.length - max));
            throw tooLarge(max);
        }
        return b;
    }

    /** @return how far past the bound a body is still read, to be answered: the bound again, at most 64 MiB */
    private static long swallow(long max) {
        return Math.min(max, 64L << 20);
    }

    /** Reads and drops up to {@code n} bytes, or to the body's end, through one small buffer. */
    private static void discard(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[8192];
        for (long left = n; left > 0; ) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                return;
            }
            left -= r;
        }
    }

    private static BadRequest tooLarge(long max) {
        return BadRequest.tooLarge("(body)", "the request body is over " + max + " bytes (setting: --max-body)");
    }

    /**
     * The client's {@code X-Request-Id} when it sends one, so that its logs and ours join; otherwise a random UUID.
     * Either way it is echoed in the response header and logged with every score of the request.
     */
    static String requestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given == null ? RequestIds.next() : RequestIds.check(given);
        ctx.header(REQUEST_ID, id);
        return id;
    }

    /** {@code ?reasons=N} (0 to 20); the explanation is the costly part of a tree model's score. */
    static int reasons(Context ctx, int byDefault) {
        String q = ctx.queryParam("reasons");
        if (q == null) {
            return byDefault;
        }
        try {
            int k = Integer.parseInt(q);
            if (k >= 0 && k <= 20) {
                return k;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadRequest.field("reasons", "'" + ScoreJson.plain(q, 40) + "' is not a whole number from 0 to 20");
    }

    /** {@code ?explain=path|shap}: fast path attributions by default, exact TreeSHAP on request. */
    static Explanation explanation(Context ctx) {
        String q = ctx.queryParam("explain");
        try {
            return q == null ? Explanation.PATH : Explanation.parse(q);
        } catch (IllegalArgumentException e) {
            throw BadRequest.field("explain", "use path or shap");
        }
    }
}
