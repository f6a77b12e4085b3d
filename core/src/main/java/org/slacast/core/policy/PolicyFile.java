package org.slacast.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ConfigFileException;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.calendar.HolidayRule;
import org.slacast.core.calendar.Shift;
import org.slacast.core.calendar.WeeklyHours;
import org.slacast.core.csv.ReadOptions;

/**
 * Reads the YAML policy file (calendars, policies and how to read the data; see docs/policy-file.md). Unknown keys are errors, so a
 * typo never silently drops a rule; every error names the file and the key path, e.g.
 * {@code policies[1].targets.resolution.critical}.
 */
public final class PolicyFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("calendars", "policies", "data");
    private static final Set<String> CALENDAR_KEYS = Set.of("zone", "hours", "holidays");
    private static final Set<String> DATA_KEYS = Set.of("zone", "before_creation");

    private final NodeReader in;

    private PolicyFile(String source) {
        this.in = new NodeReader(source);
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
            throw in.error("", "expected a mapping with 'calendars' and 'policies'");
        }
        in.keys(root, "", TOP);
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        JsonNode cals = in.required(root, "calendars", "");
        if (!cals.isObject() || cals.isEmpty()) {
            throw in.error("calendars", "expected a mapping of calendar names to calendars");
        }
        cals.properties().forEach(e -> calendars.put(e.getKey(), calendar(e.getKey(), e.getValue())));
        JsonNode pols = in.required(root, "policies", "");
        if (!pols.isArray() || pols.isEmpty()) {
            throw in.error("policies", "expected a list of policies");
        }
        PolicyReader reader = new PolicyReader(in, calendars);
        List<SlaPolicy> policies = new ArrayList<>();
        for (int i = 0; i < pols.size(); i++) {
            policies.add(reader.policy("policies[" + i + "]", pols.get(i)));
        }
        ReadOptions data = data(root.get("data"));
        try {
            return new PolicySet(policies, calendars, data);
        } catch (PolicySet.AmbiguousPolicyException e) {
            throw in.error("policies[" + e.second() + "].match", e.getMessage());
        }
    }

    private BusinessCalendar calendar(String name, JsonNode node) {
        String path = "calendars." + name;
        if (!node.isObject()) {
            throw in.error(path, "expected a mapping with zone, hours and holidays");
        }
        in.keys(node, path, CALENDAR_KEYS);
        ZoneId zone = zone(in.required(node, "zone", path), path + ".zone");
        WeeklyHours hours = hours(in.required(node, "hours", path), path + ".hours");
        List<HolidayRule> holidays = new ArrayList<>();
        JsonNode hs = node.get("holidays");
        if (hs != null && !hs.isNull()) {
            if (!hs.isArray()) {
                throw in.error(path + ".holidays", "expected a list of holiday rules");
            }
            for (int i = 0; i < hs.size(); i++) {
                String p = path + ".holidays[" + i + "]";
                JsonNode h = hs.get(i);
                holidays.add(in.attempt(p, () -> HolidayRule.parse(in.text(h, p))));
            }
        }
        return in.attempt(path + ".hours", () -> new BusinessCalendar(name, zone, hours, holidays));
    }

    private WeeklyHours hours(JsonNode node, String path) {
        if (node.isTextual() && node.asText().strip().equalsIgnoreCase("24x7")) {
            return WeeklyHours.twentyFourSeven();
        }
        if (!node.isObject()) {
            throw in.error(path, "expected 24x7 or a mapping of days (mon-fri, sat, ...) to shifts (08:00-12:00)");
        }
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            List<DayOfWeek> which = in.attempt(p, () -> WeeklyHours.parseDays(e.getKey()));
            List<Shift> shifts = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().equalsIgnoreCase("closed")) {
                // explicitly closed
            } else if (v.isTextual()) {
                shifts.add(in.attempt(p, () -> Shift.parse(v.asText())));
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    String sp = p + "[" + i + "]";
                    JsonNode s = v.get(i);
                    shifts.add(in.attempt(sp, () -> Shift.parse(in.text(s, sp))));
                }
            } else {
                throw in.error(p, "expected a shift such as 08:00-17:00, a list of shifts, or closed");
            }
            for (DayOfWeek d : which) {
                if (days.containsKey(d)) {
                    throw in.error(p, d.name().toLowerCase(Locale.ROOT) + " is given hours twice");
                }
                days.put(d, shifts);
            }
        }
        return in.attempt(path, () -> new WeeklyHours(days));
    }

    /** The {@code data} section: how to read the tickets and events, as {@link ReadOptions}. */
    private ReadOptions data(JsonNode node) {
        if (node == null || node.isNull()) {
            return ReadOptions.STRICT;
        }
        if (!node.isObject()) {
            throw in.error("data", "expected a mapping with zone and before_creation");
        }
        in.keys(node, "data", DATA_KEYS);
        ZoneId zone = node.has("zone") ? zone(node.get("zone"), "data.zone") : null;
        JsonNode bc = node.get("before_creation");
        ReadOptions.BeforeCreation rule = bc == null ? ReadOptions.BeforeCreation.REJECT
                : in.attempt("data.before_creation",
                        () -> ReadOptions.BeforeCreation.parse(in.text(bc, "data.before_creation")));
        return new ReadOptions(zone, rule);
    }

    private ZoneId zone(JsonNode node, String path) {
        String zoneText = in.text(node, path);
        try {
            return ZoneId.of(zoneText);
        } catch (java.time.DateTimeException e) {
            throw in.error(path, "'" + zoneText + "' is not a time zone; use an IANA id such as Europe/Berlin or UTC");
        }
    }
}
