package org.slacast.core.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.BadInputException;
import org.slacast.core.ConfigFileException;
import org.slacast.core.ConfigFiles;
import org.slacast.core.policy.Durations;
import org.slacast.core.ticket.Priority;

/**
 * Reads the cost section: one YAML mapping under {@code cost:} with what a breach costs and what an
 * intervention costs and achieves (see docs/decisions.md). Keys left out keep {@link CostModel#defaults()};
 * unknown keys are errors naming the key path, e.g. {@code cost.contracts.gold.critcal}.
 *
 * <pre>
 * cost:
 *   penalties: {critical: 500, high: 200, medium: 50, low: 10, planning: 5}
 *   contracts: {platinum: {critical: 1000, high: 400}}
 *   customers: {"Acme Bank": 2}
 *   intervention_cost: 20
 *   effectiveness: {0: 0.6, 0.25: 0.5, 0.5: 0.35, 0.75: 0.2}
 *   capacity: {interventions: 6, per: 1h}
 * </pre>
 */
public final class CostFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("penalties", "contracts", "customers", "intervention_cost",
            "effectiveness", "capacity");

    private final String source;

    /**
     * What the cost section sets.
     *
     * @param cost     the cost model
     * @param capacity how many interventions the desk can make, or null for no limit
     */
    public record Settings(CostModel cost, Capacity capacity) {
    }

    private CostFile(String source) {
        this.source = source;
    }

    /**
     * @param file a cost file
     * @return its settings
     * @throws ConfigFileException naming the file and key path of the first problem
     */
    public static Settings load(Path file) {
        return parse(ConfigFiles.read(file, "cost file"), file.toString());
    }

    /**
     * @param yaml   the file's text
     * @param source a name for messages
     * @return its settings
     */
    public static Settings parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw ConfigFileException.yaml(source, e);
        }
        CostFile f = new CostFile(source);
        if (root == null || !root.isObject() || root.size() != 1 || !root.has("cost") || !root.get("cost").isObject()) {
            throw f.error("", "expected one mapping, 'cost:', with " + KEYS.stream().sorted().toList());
        }
        return f.read(root.get("cost"));
    }

    private Settings read(JsonNode c) {
        c.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw error("cost." + k, "unknown key; expected one of " + KEYS.stream().sorted().toList());
            }
        });
        CostModel d = CostModel.defaults();
        Map<Priority, Double> penalties = c.has("penalties") ? priorities(c.get("penalties"), "cost.penalties")
                : d.penalties();
        Map<String, Map<Priority, Double>> contracts = new LinkedHashMap<>();
        mapping(c.get("contracts"), "cost.contracts").forEach((k, v) ->
                contracts.put(k, priorities(v, "cost.contracts." + k)));
        Map<String, Double> customers = new LinkedHashMap<>();
        mapping(c.get("customers"), "cost.customers").forEach((k, v) ->
                customers.put(k, number(v, "cost.customers." + k)));
        double cost = c.has("intervention_cost") ? number(c.get("intervention_cost"), "cost.intervention_cost")
                : d.interventionCost();
        List<CostModel.EffectivenessStep> steps = new ArrayList<>();
        double effectiveness = d.effectiveness();
        JsonNode e = c.get("effectiveness");
        if (e != null && e.isNumber()) {
            effectiveness = e.asDouble();
        } else if (e != null) {
            mapping(e, "cost.effectiveness").forEach((k, v) -> steps.add(attempt("cost.effectiveness." + k,
                    () -> new CostModel.EffectivenessStep(fraction(k), number(v, "cost.effectiveness." + k)))));
            effectiveness = steps.stream().filter(s -> s.from() == 0).findFirst()
                    .orElseThrow(() -> error("cost.effectiveness", "give the share at creation (0: ...) too"))
                    .share();
        }
        double eff = effectiveness;
        CostModel model = attempt("cost", () -> new CostModel(penalties, cost, eff, contracts, customers, steps));
        return new Settings(model, capacity(c.get("capacity")));
    }

    private Capacity capacity(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, JsonNode> m = mapping(node, "cost.capacity");
        if (!m.keySet().equals(Set.of("interventions", "per"))) {
            throw error("cost.capacity", "expected {interventions: K, per: 1h} (or per: 8h for a shift)");
        }
        double k = number(m.get("interventions"), "cost.capacity.interventions");
        if (k != Math.rint(k) || k < 0) {
            throw error("cost.capacity.interventions", "expected a whole number, not " + k);
        }
        Duration per = attempt("cost.capacity.per", () -> Durations.parse(m.get("per").asText()));
        return attempt("cost.capacity", () -> new Capacity((int) k, per));
    }

    private Map<Priority, Double> priorities(JsonNode node, String path) {
        Map<Priority, Double> out = new EnumMap<>(Priority.class);
        mapping(node, path).forEach((k, v) -> out.put(attempt(path + "." + k, () -> Priority.parse(k)),
                number(v, path + "." + k)));
        return out;
    }

    private Map<String, JsonNode> mapping(JsonNode node, String path) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw error(path, "expected a mapping");
        }
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private double number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            throw error(path, "expected a number");
        }
        return node.asDouble();
    }

    private double fraction(String key) {
        try {
            return Double.parseDouble(key);
        } catch (NumberFormatException e) {
            throw new BadInputException("'" + key + "' is not a fraction of the target such as 0.25");
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
