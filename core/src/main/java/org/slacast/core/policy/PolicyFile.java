package org.slacast.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ConfigFileException;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.calendar.HolidayRule;
import org.slacast.core.calendar.Shift;
import org.slacast.core.calendar.WeeklyHours;
import org.slacast.core.ticket.Priority;

/**
 * Reads the YAML policy file (calendars and policies, see docs/policy-file.md). Unknown keys are errors, so a
 * typo never silently drops a rule; every error names the file and the key path, e.g.
 * {@code policies[1].targets.resolution.critical}.
 */
public final class PolicyFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("calendars", "policies");
    private static final Set<String> CALENDAR_KEYS = Set.of("zone", "hours", "holidays");
    private static final Set<String> POLICY_KEYS = Set.of("name", "calendar", "match", "targets", "pause_statuses",
            "inactive_statuses", "reopen_resumes_resolution", "at_risk");

    private final String source;

    private PolicyFile(String source) {
        this.source = source;
    }

    /**
     * @param file a policy file
     * @return its policies
     * @throws ConfigFileException naming the file and key path of the first problem
     */
    public static PolicySet load(Path file) {
        return parse(org.slacast.core.ConfigFiles.read(file, "policy file"), file.toString());
    }

    /**
     * @param yaml   the file's text
     * @param source a name for messages
     * @return its policies
     * @throws ConfigFileException naming the source and key path of the first problem
     */
    public static PolicySet parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw ConfigFileException.yaml(source, e);
        }
        return new PolicyFile(source).read(root);
    }

    private PolicySet read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("", "expected a mapping with 'calendars' and 'policies'");
        }
        keys(root, "", TOP);
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        JsonNode cals = required(root, "calendars", "");
        if (!cals.isObject() || cals.isEmpty()) {
            throw error("calendars", "expected a mapping of calendar names to calendars");
        }
        cals.properties().forEach(e -> calendars.put(e.getKey(), calendar(e.getKey(), e.getValue())));
        JsonNode pols = required(root, "policies", "");
        if (!pols.isArray() || pols.isEmpty()) {
            throw error("policies", "expected a list of policies");
        }
        List<SlaPolicy> policies = new ArrayList<>();
        for (int i = 0; i < pols.size(); i++) {
            policies.add(policy("policies[" + i + "]", pols.get(i), calendars));
        }
        try {
            return new PolicySet(policies, calendars);
        } catch (PolicySet.AmbiguousPolicyException e) {
            throw error("policies[" + e.second() + "].match", e.getMessage());
        }
    }

    private BusinessCalendar calendar(String name, JsonNode node) {
        String path = "calendars." + name;
        if (!node.isObject()) {
            throw error(path, "expected a mapping with zone, hours and holidays");
        }
        keys(node, path, CALENDAR_KEYS);
        String zoneText = text(required(node, "zone", path), path + ".zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (java.time.DateTimeException e) {
            throw error(path + ".zone", "'" + zoneText + "' is not a time zone; use an IANA id such as Europe/Berlin or UTC");
        }
        WeeklyHours hours = hours(required(node, "hours", path), path + ".hours");
        List<HolidayRule> holidays = new ArrayList<>();
        JsonNode hs = node.get("holidays");
        if (hs != null && !hs.isNull()) {
            if (!hs.isArray()) {
                throw error(path + ".holidays", "expected a list of holiday rules");
            }
            for (int i = 0; i < hs.size(); i++) {
                String p = path + ".holidays[" + i + "]";
                JsonNode h = hs.get(i);
                holidays.add(attempt(p, () -> HolidayRule.parse(text(h, p))));
            }
        }
        return attempt(path + ".hours", () -> new BusinessCalendar(name, zone, hours, holidays));
    }

    private WeeklyHours hours(JsonNode node, String path) {
        if (node.isTextual() && node.asText().strip().equalsIgnoreCase("24x7")) {
            return WeeklyHours.twentyFourSeven();
        }
        if (!node.isObject()) {
            throw error(path, "expected 24x7 or a mapping of days (mon-fri, sat, ...) to shifts (08:00-12:00)");
        }
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            List<DayOfWeek> which = attempt(p, () -> WeeklyHours.parseDays(e.getKey()));
            List<Shift> shifts = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().equalsIgnoreCase("closed")) {
                // explicitly closed
            } else if (v.isTextual()) {
                shifts.add(attempt(p, () -> Shift.parse(v.asText())));
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    String sp = p + "[" + i + "]";
                    JsonNode s = v.get(i);
                    shifts.add(attempt(sp, () -> Shift.parse(text(s, sp))));
                }
            } else {
                throw error(p, "expected a shift such as 08:00-17:00, a list of shifts, or closed");
            }
            for (DayOfWeek d : which) {
                if (days.containsKey(d)) {
                    throw error(p, d.name().toLowerCase(Locale.ROOT) + " is given hours twice");
                }
                days.put(d, shifts);
            }
        }
        return attempt(path, () -> new WeeklyHours(days));
    }

    private SlaPolicy policy(String path, JsonNode node, Map<String, BusinessCalendar> calendars) {
        if (!node.isObject()) {
            throw error(path, "expected a mapping with name, calendar and targets");
        }
        keys(node, path, POLICY_KEYS);
        String name = text(required(node, "name", path), path + ".name");
        String calName = text(required(node, "calendar", path), path + ".calendar");
        BusinessCalendar cal = calendars.get(calName);
        if (cal == null) {
            throw error(path + ".calendar", "no calendar named '" + calName + "'; defined: " + calendars.keySet());
        }
        PolicyMatch match = match(node.get("match"), path + ".match");
        Map<Metric, Map<Priority, Duration>> targets = targets(required(node, "targets", path), path + ".targets");
        Set<String> pause = strings(node.get("pause_statuses"), path + ".pause_statuses");
        JsonNode inactiveNode = node.get("inactive_statuses");
        Set<String> inactive = inactiveNode == null ? Set.of("cancelled", "canceled")
                : strings(inactiveNode, path + ".inactive_statuses");
        boolean resumes = true;
        JsonNode r = node.get("reopen_resumes_resolution");
        if (r != null) {
            if (!r.isBoolean()) {
                throw error(path + ".reopen_resumes_resolution", "expected true or false");
            }
            resumes = r.asBoolean();
        }
        JsonNode ar = node.get("at_risk");
        AtRiskThreshold atRisk = ar == null ? new AtRiskThreshold.FractionRemaining(0.25)
                : attempt(path + ".at_risk", () -> AtRiskThreshold.parse(text(ar, path + ".at_risk")));
        boolean finalResumes = resumes;
        return attempt(path, () -> new SlaPolicy(name, cal, match, targets, pause, inactive, finalResumes, atRisk));
    }

    private PolicyMatch match(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return PolicyMatch.any();
        }
        if (!node.isObject()) {
            throw error(path, "expected a mapping of attribute to value or list of values");
        }
        Map<String, Set<String>> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), strings(e.getValue(), path + "." + e.getKey())));
        return attempt(path, () -> new PolicyMatch(m));
    }

    private Map<Metric, Map<Priority, Duration>> targets(JsonNode node, String path) {
        if (!node.isObject() || node.isEmpty()) {
            throw error(path, "expected a mapping of metric (first_response, resolution, ola_l1..ola_l3) to targets");
        }
        Map<Metric, Map<Priority, Duration>> targets = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String mp = path + "." + e.getKey();
            Metric metric = attempt(mp, () -> Metric.parse(e.getKey()));
            if (!e.getValue().isObject()) {
                throw error(mp, "expected a mapping of priority (critical, high, medium, low, planning) to a duration");
            }
            Map<Priority, Duration> byPriority = new EnumMap<>(Priority.class);
            e.getValue().properties().forEach(t -> {
                String tp = mp + "." + t.getKey();
                Priority p = attempt(tp, () -> Priority.parse(t.getKey()));
                byPriority.put(p, attempt(tp, () -> Durations.parse(text(t.getValue(), tp))));
            });
            targets.put(metric, byPriority);
        });
        return targets;
    }

    private Set<String> strings(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(text(node.get(i), path + "[" + i + "]"));
            }
        } else {
            out.add(text(node, path));
        }
        return out;
    }

    private String text(JsonNode node, String path) {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw error(path, "expected a value");
        }
        return node.asText().strip();
    }

    private JsonNode required(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(path.isEmpty() ? key : path + "." + key, "is required");
        }
        return v;
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
        Set<String> unknown = new HashSet<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            String k = unknown.iterator().next();
            throw error(path.isEmpty() ? k : path + "." + k, "unknown key; expected one of " + allowed.stream().sorted().toList());
        }
    }

    private <T> T attempt(String path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ConfigFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private ConfigFileException error(String path, String message) {
        return new ConfigFileException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message, null);
    }
}
