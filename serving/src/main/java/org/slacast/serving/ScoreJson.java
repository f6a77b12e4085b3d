package org.slacast.serving;

import org.slacast.core.ticket.InstantText;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.cost.CostModel;
import org.slacast.core.cost.Decision;
import org.slacast.core.ticket.Ticket;
import org.slacast.models.Explanation;
import org.slacast.models.ModelBundle;

/**
 * Writes score responses with Jackson's streaming generator: on the hot path a response is written straight to
 * bytes instead of being assembled as maps first. The field names and order are the API's (see openapi.yaml).
 */
final class ScoreJson {
    /** Deepest nesting of a request body. */
    static final int MAX_NESTING = 32;
    /** Longest number literal. */
    static final int MAX_NUMBER_CHARS = 64;
    /** Longest field name. */
    static final int MAX_NAME_CHARS = 256;
    /**
     * The serving module's one mapper: request bodies are read with it too, strictly. Duplicate keys and content
     * after the JSON value are refused; nesting, numbers and field names are bounded well below anything a score
     * request needs, so that no body can make the parser do much work.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(MAX_NUMBER_CHARS).maxNameLength(MAX_NAME_CHARS).build()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ScoreJson() {
    }

    /** Writes one JSON value into a byte array. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A thread keeps a buffer this large; one grown past it by a larger answer is let go. */
    private static final int ANSWER_BYTES = 4096;
    /** Each request thread's buffer for its answer: a new one per score was a tenth of a score's allocation. */
    private static final ThreadLocal<ByteArrayOutputStream> ANSWER =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(ANSWER_BYTES));

    /**
     * Sends a small JSON answer (under Jetty's 32 KB output buffer, so the write never blocks on the client) straight
     * to the response. {@code ctx.result(bytes)} copied it there through a new 32 KB buffer, Javalin's
     * {@code copyTo}: over half of a score's allocation, and so of its young collections, which set the tail latency.
     * It is written first into the thread's own buffer, so that nothing is sent when writing it fails.
     *
     * @param ctx  the request
     * @param body the answer
     */
    static void send(Context ctx, Body body) {
        ByteArrayOutputStream out = ANSWER.get();
        out.reset();
        try {
            write(out, body);
            ctx.contentType("application/json");
            out.writeTo(ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (out.size() > ANSWER_BYTES) {
                ANSWER.remove();
            }
        }
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
        try {
            write(out, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(java.io.OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setCodec(MAPPER);
            body.write(g);
        }
    }

    /**
     * @param g   the generator
     * @param s   the score
     * @param how how its reasons were computed
     * @throws IOException never, for a byte array
     */
    static void score(JsonGenerator g, ScoringService.Score s, Explanation how) throws IOException {
        ModelBundle b = s.bundle();
        double p = s.probability();
        g.writeStartObject();
        string(g, AnswerNames.REQUEST_ID, s.requestId());
        string(g, AnswerNames.TICKET_ID, s.ticket().id());
        instant(g, AnswerNames.SCORED_AT, s.at());
        number(g, AnswerNames.BREACH_PROBABILITY, p);
        string(g, AnswerNames.RISK_BAND, s.band());
        sla(g, s.sla(), s.at());
        Decision d = decision(s);
        g.writeFieldName(AnswerNames.COST);
        g.writeStartObject();
        g.writeFieldName(AnswerNames.PENALTY_IF_BREACHED);
        g.writeNumber(d.penalty());
        number(g, AnswerNames.EXPECTED_PENALTY, p * d.penalty());
        g.writeFieldName(AnswerNames.INTERVENTION_COST);
        g.writeNumber(d.cost());
        g.writeFieldName(AnswerNames.EFFECTIVENESS);
        g.writeNumber(d.effectiveness());
        number(g, AnswerNames.EXPECTED_SAVING, d.saving());
        g.writeFieldName(AnswerNames.RECOMMEND_INTERVENTION);
        g.writeBoolean(d.act());
        string(g, AnswerNames.DECISION, d.reason());
        g.writeEndObject();
        reasons(g, s.reasons());
        string(g, AnswerNames.EXPLANATION, how.label());
        g.writeFieldName(AnswerNames.MODEL);
        g.writeStartObject();
        string(g, AnswerNames.ID, b.manifest().id());
        string(g, AnswerNames.KIND, b.manifest().kind());
        string(g, AnswerNames.METRIC, b.manifest().schema().metric().label());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The top contributions: {@code "reasons": [{"feature": ..., "value": ..., "contribution": ...}]}. */
    static void reasons(JsonGenerator g, List<ModelBundle.Reason> reasons) throws IOException {
        g.writeFieldName(AnswerNames.REASONS);
        g.writeStartArray();
        for (ModelBundle.Reason r : reasons) {
            g.writeStartObject();
            string(g, AnswerNames.FEATURE, r.feature());
            number(g, AnswerNames.VALUE, r.value());
            number(g, AnswerNames.CONTRIBUTION, r.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The SLA clock of every metric at an instant: {@code "sla": {"policy": ..., "metrics": [...]}}. */
    static void sla(JsonGenerator g, org.slacast.core.clock.TicketSla sla, Instant at) throws IOException {
        g.writeFieldName(AnswerNames.SLA);
        g.writeStartObject();
        string(g, AnswerNames.POLICY, sla.policy().name());
        g.writeFieldName(AnswerNames.METRICS);
        g.writeStartArray();
        for (MetricStatus m : sla.metrics()) {
            g.writeStartObject();
            string(g, AnswerNames.METRIC, m.metric().label());
            g.writeFieldName(AnswerNames.TARGET_MINUTES);
            if (m.target() == null) {
                g.writeNull();
            } else {
                g.writeNumber(m.target().toMinutes());
            }
            instant(g, AnswerNames.DUE_AT, m.dueAt());
            number(g, AnswerNames.ELAPSED_BUSINESS_MINUTES, m.elapsedMinutes());
            if (m.remaining() == null) {
                g.writeFieldName(AnswerNames.REMAINING_BUSINESS_MINUTES);
                g.writeNull();
            } else {
                number(g, AnswerNames.REMAINING_BUSINESS_MINUTES, m.remaining().toMillis() / 60_000.0);
            }
            string(g, AnswerNames.BAND, BandClassifier.of(m, sla.policy().atRisk(), at).label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A stored ticket: its native fields, its events, and its SLA clock at an instant.
     *
     * @param g      the generator
     * @param t      the ticket
     * @param events its events
     * @param sla    its clock
     * @throws IOException never, for a byte array
     */
    static void ticket(JsonGenerator g, org.slacast.core.ticket.Ticket t,
                       List<org.slacast.core.ticket.TicketEvent> events, org.slacast.core.clock.TicketSla sla)
            throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("ticket");
        fields(g, org.slacast.core.csv.NativeFormat.TICKET_COLUMNS, org.slacast.core.csv.NativeFormat.values(t));
        if (!t.attributes().isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (var a : t.attributes().entrySet()) {
                var attribute = org.slacast.core.ticket.OpenAttribute.ofKey(a.getKey());
                if (attribute.number()) {
                    g.writeFieldName(a.getKey());
                    g.writeNumber(a.getValue());
                } else {
                    g.writeStringField(a.getKey(), a.getValue());
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("events");
        for (org.slacast.core.ticket.TicketEvent e : events) {
            g.writeStartObject();
            fields(g, org.slacast.core.csv.NativeFormat.EVENT_COLUMNS.subList(1, 8),
                    java.util.Arrays.copyOfRange(org.slacast.core.csv.NativeFormat.values(e), 1, 8));
            g.writeEndObject();
        }
        g.writeEndArray();
        sla(g, sla, sla.asOf());
        g.writeEndObject();
    }

    /** Native fields by name, leaving out the empty ones. */
    private static void fields(JsonGenerator g, List<String> names, String[] values) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            if (!values[i].isEmpty()) {
                g.writeStringField(names.get(i), values[i]);
            }
        }
    }

    /**
     * The expected-value decision: the ticket's penalty (priority, contract, customer) and the effectiveness at
     * the share of the target metric's time already gone, so that acting late is worth less.
     */
    static Decision decision(ScoringService.Score s) {
        CostModel cost = s.bundle().manifest().cost();
        Ticket t = s.ticket();
        double fraction = s.sla().metric(s.bundle().manifest().schema().metric())
                .filter(m -> m.target() != null && !m.target().isZero())
                .map(m -> m.elapsed().toMillis() / (double) m.target().toMillis()).orElse(0.0);
        return cost.decide(s.probability(), t.priority(), t.contract(), t.customer(), fraction);
    }

    /**
     * A batch: {@code {"results": [...]}}, each item a score or {@code {"error": problem}}.
     *
     * @param items scores and problems, in request order
     * @param how   how the reasons were computed
     * @return the body
     */
    static byte[] batch(List<BatchItem> items, Explanation how) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (BatchItem item : items) {
                switch (item) {
                    case BatchItem.Scored(ScoringService.Score s) -> score(g, s, how);
                    case BatchItem.Failed(BadRequest e) -> {
                        g.writeStartObject();
                        g.writeObjectField("error", Problems.body(e.getStatus(), e.getMessage(), e.errors()));
                        g.writeEndObject();
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void instant(JsonGenerator g, SerializableString field, Instant at) throws IOException {
        g.writeFieldName(field);
        if (at == null) {
            g.writeNull();
        } else {
            g.writeString(InstantText.format(at));
        }
    }

    /** A string field under a name encoded once ({@link AnswerNames}). */
    static void string(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }

    /** Six decimals: more would only be noise from the calibrator and the clock's millisecond arithmetic. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * Writes {@code round(v)} as a number field, the same text as {@code writeNumberField(field, round(v))}: an
     * answer holds about fifteen such numbers, and {@code Double.toString} with its string was a tenth of a score's
     * CPU.
     */
    static void number(JsonGenerator g, SerializableString field, double v) throws IOException {
        g.writeFieldName(field);
        char[] text = new char[MICROS_CHARS];
        int n = micros(v, text);
        if (n < 0) {
            g.writeNumber(round(v));
        } else {
            g.writeNumber(text, 0, n);
        }
    }

    /** The longest text {@link #micros} writes: a sign, seven integer digits, a point and six decimals. */
    static final int MICROS_CHARS = 15;

    /**
     * {@code Double.toString(round(v))} from {@code v}'s whole count of millionths: a double that is a count of
     * millionths under 10^13 prints as exactly that decimal, trailing zeros dropped, since no shorter decimal lies as
     * near it.
     *
     * @param v   the value
     * @param out at least {@link #MICROS_CHARS} characters
     * @return how many characters were written, or -1 where {@code Double.toString} writes an exponent (under
     *         10^-3 or from 10^7) or the value is not finite
     */
    static int micros(double v, char[] out) {
        double scaled = v * 1e6;
        if (!(Math.abs(scaled) < 1e13)) {
            return -1;
        }
        long m = Math.round(scaled);
        long a = Math.abs(m);
        if (a == 0) {
            out[0] = '0';
            out[1] = '.';
            out[2] = '0';
            return 3;
        }
        if (a < 1000 || a >= 10_000_000_000_000L) {
            return -1;
        }
        int n = 0;
        if (m < 0) {
            out[n++] = '-';
        }
        long whole = a / 1_000_000;
        int fraction = (int) (a % 1_000_000);
        int digits = 1;
        for (long w = whole; w >= 10; w /= 10) {
            digits++;
        }
        for (int i = n + digits - 1; i >= n; i--) {
            out[i] = (char) ('0' + whole % 10);
            whole /= 10;
        }
        n += digits;
        out[n++] = '.';
        if (fraction == 0) {
            out[n++] = '0';
            return n;
        }
        for (int unit = 100_000; fraction > 0; unit /= 10) {
            out[n++] = (char) ('0' + fraction / unit);
            fraction %= unit;
        }
        return n;
    }

    /**
     * Text from a client, safe to echo in a message: at most {@code max} characters, control characters as '?'.
     *
     * @param text the client's text
     * @param max  how much of it to keep
     * @return the text, shortened with '…' when cut
     */
    static String plain(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 1);
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > max ? b.append('…').toString() : b.toString();
    }
}
