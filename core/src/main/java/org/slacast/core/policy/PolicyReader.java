package org.slacast.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;

/** Reads one entry of a policy file's {@code policies} list (see docs/policy-file.md). */
final class PolicyReader {
    private static final Set<String> POLICY_KEYS = Set.of("name", "calendar", "match", "targets", "pause_statuses",
            "inactive_statuses", "reopen_resumes_resolution", "at_risk", "rules", "start_tier", "same_tier_change");
    private static final Set<String> RULE_KEYS = Set.of("pause_statuses", "stop_on", "reopen_resumes");
    private static final String REOPEN = "reopen_resumes_resolution";

    private final NodeReader in;
    private final Map<String, BusinessCalendar> calendars;

    PolicyReader(NodeReader in, Map<String, BusinessCalendar> calendars) {
        this.in = in;
        this.calendars = calendars;
    }

    SlaPolicy policy(String path, JsonNode node) {
        if (!node.isObject()) {
            throw in.error(path, "expected a mapping with name, calendar and targets");
        }
        in.keys(node, path, POLICY_KEYS);
        String name = in.text(in.required(node, "name", path), path + ".name");
        String calName = in.text(in.required(node, "calendar", path), path + ".calendar");
        BusinessCalendar cal = calendars.get(calName);
        if (cal == null) {
            throw in.error(path + ".calendar", "no calendar named '" + calName + "'; defined: " + calendars.keySet());
        }
        PolicyMatch match = match(node.get("match"), path + ".match");
        Map<Metric, Map<Priority, Duration>> targets = targets(in.required(node, "targets", path), path + ".targets");
        Set<String> pause = in.strings(node.get("pause_statuses"), path + ".pause_statuses");
        JsonNode inactiveNode = node.get("inactive_statuses");
        Set<String> inactive = inactiveNode == null ? Set.of("cancelled", "canceled")
                : in.strings(inactiveNode, path + ".inactive_statuses");
        boolean resumes = in.bool(node, REOPEN, path, true);
        JsonNode ar = node.get("at_risk");
        AtRiskThreshold atRisk = ar == null ? new AtRiskThreshold.FractionRemaining(0.25)
                : in.attempt(path + ".at_risk", () -> AtRiskThreshold.parse(in.text(ar, path + ".at_risk")));
        Map<Metric, MetricRules> rules = rules(node, path, targets, pause, resumes);
        boolean finalResumes = rules.containsKey(Metric.RESOLUTION) ? rules.get(Metric.RESOLUTION).reopenResumes()
                : resumes;
        SlaPolicy.StartTier start = in.choice(node, "start_tier", path, SlaPolicy.StartTier.class,
                SlaPolicy.StartTier.TICKET);
        SlaPolicy.SameTierChange same = in.choice(node, "same_tier_change", path, SlaPolicy.SameTierChange.class,
                SlaPolicy.SameTierChange.IGNORE);
        return in.attempt(path, () -> new SlaPolicy(name, cal, match, targets, pause, inactive, finalResumes, atRisk,
                rules, start, same));
    }

    private PolicyMatch match(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return PolicyMatch.any();
        }
        if (!node.isObject()) {
            throw in.error(path, "expected a mapping of attribute to value or list of values");
        }
        Map<String, Set<String>> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), in.strings(e.getValue(), path + "." + e.getKey())));
        return in.attempt(path, () -> new PolicyMatch(m));
    }

    /** A metric's targets: one duration for every priority ({@code 2h}), or a mapping of priority to duration. */
    private Map<Metric, Map<Priority, Duration>> targets(JsonNode node, String path) {
        if (!node.isObject() || node.isEmpty()) {
            throw in.error(path, "expected a mapping of metric (first_response, resolution, ola_l1..ola_l3) to targets");
        }
        Map<Metric, Map<Priority, Duration>> targets = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String mp = path + "." + e.getKey();
            Metric metric = in.attempt(mp, () -> Metric.parse(e.getKey()));
            Map<Priority, Duration> byPriority = new EnumMap<>(Priority.class);
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                Duration all = in.attempt(mp, () -> Durations.parse(in.text(v, mp)));
                for (Priority p : Priority.values()) {
                    byPriority.put(p, all);
                }
            } else if (v.isObject()) {
                v.properties().forEach(t -> {
                    String tp = mp + "." + t.getKey();
                    Priority p = in.attempt(tp, () -> Priority.parse(t.getKey()));
                    byPriority.put(p, in.attempt(tp, () -> Durations.parse(in.text(t.getValue(), tp))));
                });
            } else {
                throw in.error(mp, "expected one duration for every priority (2h), or a mapping of priority "
                        + "(critical, high, medium, low, planning) to a duration");
            }
            targets.put(metric, byPriority);
        });
        return targets;
    }

    /** The {@code rules} section: per metric, its pauses, stop events and reopen rule. */
    private Map<Metric, MetricRules> rules(JsonNode policy, String path, Map<Metric, Map<Priority, Duration>> targets,
                                           Set<String> pause, boolean resumes) {
        JsonNode node = policy.get("rules");
        String rp = path + ".rules";
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw in.error(rp, "expected a mapping of metric (first_response, resolution, ola_l1..ola_l3) to rules");
        }
        Map<Metric, MetricRules> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String mp = rp + "." + e.getKey();
            Metric metric = in.attempt(mp, () -> Metric.parse(e.getKey()));
            if (!targets.containsKey(metric)) {
                throw in.error(mp, "targets has no " + metric.label() + "; add its targets or remove these rules");
            }
            out.put(metric, rule(metric, e.getValue(), mp, policy, pause, resumes));
        });
        return out;
    }

    private MetricRules rule(Metric metric, JsonNode node, String path, JsonNode policy, Set<String> pause,
                             boolean resumes) {
        if (!node.isObject()) {
            throw in.error(path, "expected a mapping with pause_statuses, stop_on or reopen_resumes");
        }
        in.keys(node, path, RULE_KEYS);
        MetricRules d = MetricRules.defaults(metric, pause, resumes);
        Set<String> pauses = d.pauseStatuses();
        JsonNode ps = node.get("pause_statuses");
        if (ps != null) {
            if (ps.isNull()) {
                throw in.error(path + ".pause_statuses", "expected a list of statuses ([] for none)");
            }
            pauses = in.strings(ps, path + ".pause_statuses");
        }
        Set<EventType> stops = node.has("stop_on") ? stops(metric, node.get("stop_on"), path + ".stop_on")
                : d.stopOn();
        if (metric instanceof Metric.Resolution && node.has("reopen_resumes") && policy.has(REOPEN)) {
            throw in.error(path + ".reopen_resumes", REOPEN + " is given too; give the rule once");
        }
        boolean reopen = in.bool(node, "reopen_resumes", path, d.reopenResumes());
        Set<String> finalPauses = pauses;
        return in.attempt(path, () -> new MetricRules(finalPauses, stops, reopen));
    }

    private Set<EventType> stops(Metric metric, JsonNode node, String path) {
        Set<EventType> allowed = MetricRules.allowedStops(metric);
        String expected = allowed.stream().map(EventType::label).toList().toString();
        if (node.isNull() || node.isArray() && node.isEmpty()) {
            throw in.error(path, "list at least one event that stops " + metric.label() + ": some of " + expected);
        }
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < (node.isArray() ? node.size() : 1); i++) {
            String ip = node.isArray() ? path + "[" + i + "]" : path;
            String g = in.text(node.isArray() ? node.get(i) : node, ip);
            EventType t = in.attempt(ip, () -> EventType.parse(g));
            if (!allowed.contains(t)) {
                throw in.error(ip, "'" + g + "' cannot stop " + metric.label() + "; expected some of " + expected);
            }
            out.add(t);
        }
        return out;
    }
}
