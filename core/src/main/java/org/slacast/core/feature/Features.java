package org.slacast.core.feature;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.slacast.core.clock.MetricState;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.feature.Feature.Kind;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.OpenAttribute;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * The feature catalogue, version {@value #VERSION}. Training and serving both build their vectors from this one
 * list; a bundle records the version and the names, and loading refuses a mismatch.
 */
public final class Features {
    /** Bump when a definition changes meaning; bundles of another version are refused. */
    public static final String VERSION = "1";
    /** The ticket attributes encoded through a vocabulary. */
    public static final List<String> CATEGORICAL = List.of("category", "system", "channel", "contract", "region",
            "team", "customer");

    private Features() {
    }

    /**
     * @param schema vocabularies and the number of text buckets
     * @return every feature, in vector order
     */
    public static List<Feature> of(FeatureSchema schema) {
        List<Feature> f = new ArrayList<>();
        // Ticket attributes as opened.
        f.add(numeric("priority", in -> in.ticket().priority().ordinal()));
        f.add(numeric("impact", in -> in.ticket().impact() == null ? 3 : in.ticket().impact().ordinal()));
        f.add(numeric("urgency", in -> in.ticket().urgency() == null ? 3 : in.ticket().urgency().ordinal()));
        for (String attribute : schema.categorical()) {
            Vocabulary v = schema.vocabulary(attribute);
            f.add(new Feature(FeatureSchema.stem(attribute), Kind.CATEGORICAL,
                    in -> v.code(in.ticket().attribute(attribute))));
        }
        for (String key : schema.attributes()) {
            OpenAttribute a = OpenAttribute.ofKey(key);
            if (a.number()) {
                // A missing number is 0 with a flag, so that no model sees a NaN.
                f.add(numeric(a.feature(), in -> number(in.ticket().attributes().get(key))));
                f.add(flag(a.feature() + "_missing", in -> in.ticket().attributes().get(key) == null));
            }
        }
        for (TargetEncoding e : schema.encodings()) {
            f.add(numeric(FeatureSchema.stem(e.attribute()) + "_breach_rate",
                    in -> e.rate(in.ticket().attribute(e.attribute()))));
        }
        for (FrequencyEncoding e : schema.frequencies()) {
            f.add(numeric(FeatureSchema.stem(e.attribute()) + "_frequency",
                    in -> e.share(in.ticket().attribute(e.attribute()))));
        }
        // Time, in the calendar's zone.
        f.add(numeric("hour", in -> in.local().getHour()));
        f.add(numeric("weekday", in -> in.local().getDayOfWeek().getValue()));
        f.add(numeric("created_hour", in -> in.ticket().createdAt().atZone(in.policy().calendar().zone()).getHour()));
        f.add(numeric("business_minutes_left_today", in -> minutes(in.policy().calendar().leftInDay(in.at()))));
        f.add(flag("holiday_eve", in -> in.policy().calendar().isHolidayEve(in.local().toLocalDate())));
        f.add(flag("weekend", in -> in.local().getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0));
        // SLA context from the clock, read at the instant.
        f.add(numeric("target_minutes", in -> in.sla() == null ? 0 : minutes(in.sla().target())));
        f.add(numeric("elapsed_business_minutes", in -> in.sla() == null ? 0 : in.sla().elapsedMinutes()));
        f.add(numeric("remaining_business_minutes", in -> in.sla() == null || in.sla().remaining() == null ? 0
                : minutes(in.sla().remaining())));
        f.add(numeric("elapsed_fraction", Features::elapsedFraction));
        f.add(numeric("paused_business_minutes", in -> in.sla() == null ? 0 : minutes(in.sla().paused())));
        f.add(flag("paused_now", in -> in.sla() != null && in.sla().state() == MetricState.PAUSED));
        f.add(numeric("age_minutes", in -> minutes(Duration.between(in.ticket().createdAt(), in.at()))));
        // The ticket's own life so far: events up to the instant only.
        f.add(flag("first_response_done", in -> count(in, EventType.FIRST_RESPONSE, null) > 0));
        f.add(numeric("reassignments", in -> count(in, EventType.REASSIGNED, EventType.ASSIGNED)));
        f.add(numeric("escalations", in -> count(in, EventType.TIER_CHANGE, null)));
        f.add(numeric("current_tier", in -> latestTier(in).ordinal() + 1));
        f.add(numeric("reopens", in -> count(in, EventType.REOPENED, null)));
        f.add(numeric("priority_changes", in -> count(in, EventType.PRIORITY_CHANGE, null)));
        // History known before the instant.
        f.add(numeric("requester_tickets_7d", in -> in.history().requester7d()));
        f.add(numeric("requester_tickets_30d", in -> in.history().requester30d()));
        f.add(numeric("system_tickets_7d", in -> in.history().system7d()));
        f.add(numeric("system_tickets_30d", in -> in.history().system30d()));
        f.add(numeric("team_tickets_7d", in -> in.history().team7d()));
        f.add(numeric("team_tickets_30d", in -> in.history().team30d()));
        f.add(numeric("team_breach_rate_30d", in -> in.history().teamBreachRate()));
        f.add(numeric("system_breach_rate_30d", in -> in.history().systemBreachRate()));
        f.add(numeric("desk_breach_rate_30d", in -> in.history().deskBreachRate()));
        // Workload at the instant.
        f.add(numeric("desk_open", in -> in.history().deskOpen()));
        f.add(numeric("team_open", in -> in.history().teamOpen()));
        f.add(numeric("system_open", in -> in.history().systemOpen()));
        f.add(numeric("desk_arrivals_1h", in -> in.history().deskArrivals1h()));
        f.add(numeric("system_arrivals_1h", in -> in.history().systemArrivals1h()));
        // Hashed subject tokens (the hashing trick, Weinberger et al., ICML 2009).
        for (int b = 0; b < schema.textBuckets(); b++) {
            int bucket = b;
            f.add(numeric("subject_hash_" + b, in -> in.subjectTokens()[bucket]));
        }
        for (int b = 0; b < schema.bodyBuckets(); b++) {
            int bucket = b;
            f.add(numeric("body_hash_" + b, in -> in.bodyTokens()[bucket]));
        }
        return List.copyOf(f);
    }

    private static double number(String v) {
        return v == null ? 0 : Double.parseDouble(v);
    }

    private static double elapsedFraction(FeatureInput in) {
        MetricStatus s = in.sla();
        if (s == null || s.target() == null || s.target().isZero()) {
            return 0;
        }
        return s.elapsed().toMillis() / (double) s.target().toMillis();
    }

    /** Known events of either type; a loop, not a stream, since six features run it for every vector. */
    private static int count(FeatureInput in, EventType type, EventType or) {
        int n = 0;
        for (TicketEvent e : in.known()) {
            if (e.type() == type || or != null && e.type() == or) {
                n++;
            }
        }
        return n;
    }

    /** The tier set by the latest known event that sets one, else the ticket's own. */
    private static Tier latestTier(FeatureInput in) {
        List<TicketEvent> known = in.known();
        for (int i = known.size() - 1; i >= 0; i--) {
            if (known.get(i).tier() != null) {
                return known.get(i).tier();
            }
        }
        return in.ticket().tier();
    }

    private static double minutes(Duration d) {
        return d == null ? 0 : d.toMillis() / 60_000.0;
    }

    private static Feature numeric(String name, ToDoubleFunction<FeatureInput> fn) {
        return new Feature(name, Kind.NUMERIC, fn);
    }

    private static Feature flag(String name, java.util.function.Predicate<FeatureInput> p) {
        return new Feature(name, Kind.FLAG, in -> p.test(in) ? 1 : 0);
    }
}
