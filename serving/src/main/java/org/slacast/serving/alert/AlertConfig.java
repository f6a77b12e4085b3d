package org.slacast.serving.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slacast.core.BadInputException;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;

/**
 * An alert rules file (docs/alerts.md): the webhooks, how delivery retries, and the rules. Every mistake is an
 * error naming the file and the key, read before the server starts.
 *
 * @param rules    the rules, in file order
 * @param targets  the webhooks by name
 * @param delivery how deliveries are retried
 */
public record AlertConfig(List<AlertRule> rules, Map<String, AlertTarget> targets, DeliveryPolicy delivery) {
    /** The most rules a file may hold: each is checked against every re-scored ticket. */
    public static final int MAX_RULES = 100;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Copies the rules and webhooks. */
    public AlertConfig {
        rules = List.copyOf(rules);
        targets = Map.copyOf(targets);
    }

    /**
     * @param file the rules file
     * @param env  the environment, for {@code secret_env}
     * @return the rules
     * @throws BadInputException naming the file and the key
     */
    public static AlertConfig load(Path file, Function<String, String> env) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadInputException(file + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException("--alerts " + file + ": cannot read the file; check the path");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected webhooks, delivery and rules keys");
        }
        Reader r = new Reader(file);
        r.only(root, "", Set.of("webhooks", "delivery", "rules"));
        Map<String, AlertTarget> targets = r.targets(root.path("webhooks"), env);
        DeliveryPolicy delivery = r.delivery(root.path("delivery"));
        List<AlertRule> rules = r.rules(root.path("rules"), targets.keySet());
        return new AlertConfig(rules, targets, delivery);
    }

    /** Reads one file, naming it and the key in every error. */
    private record Reader(Path file) {
        BadInputException error(String key, String what) {
            return new BadInputException(file + ": " + key + ": " + what);
        }

        void only(JsonNode n, String key, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(key.isEmpty() ? f : key + "." + f, "unknown key; use " + String.join(", ",
                            allowed.stream().sorted().toList()));
                }
            }
        }

        Map<String, AlertTarget> targets(JsonNode n, Function<String, String> env) {
            if (!n.isObject() || n.isEmpty()) {
                throw error("webhooks", "give at least one webhook: name: {url: ..., template: generic|slack}");
            }
            Map<String, AlertTarget> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = "webhooks." + e.getKey();
                JsonNode w = e.getValue();
                only(w, key, Set.of("url", "secret", "secret_env", "template"));
                out.put(e.getKey(), new AlertTarget(e.getKey(), url(text(w, key, "url"), key + ".url"),
                        secret(w, key, env), AlertTemplate.parse(w.path("template").asText("generic"),
                        file + ": " + key + ".template")));
            }
            return out;
        }

        private URI url(String text, String key) {
            try {
                URI u = new URI(text);
                if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                    return u;
                }
            } catch (java.net.URISyntaxException e) {
                // answered below
            }
            throw error(key, "'" + text + "' is not an http or https URL");
        }

        private String secret(JsonNode w, String key, Function<String, String> env) {
            if (w.has("secret_env")) {
                String name = w.get("secret_env").asText();
                String v = env.apply(name);
                if (v == null || v.isEmpty()) {
                    throw error(key + ".secret_env", "the environment variable " + name + " is not set; export it "
                            + "with the signing secret");
                }
                return v;
            }
            return w.has("secret") ? w.get("secret").asText() : null;
        }

        DeliveryPolicy delivery(JsonNode n) {
            DeliveryPolicy d = DeliveryPolicy.defaults();
            if (n.isMissingNode()) {
                return d;
            }
            only(n, "delivery", Set.of("attempts", "first_retry", "max_retry", "timeout"));
            int attempts = n.path("attempts").asInt(d.attempts());
            if (attempts < 1 || attempts > 100) {
                throw error("delivery.attempts", "give a whole number from 1 to 100");
            }
            return new DeliveryPolicy(attempts, duration(n, "first_retry", d.firstRetry()),
                    duration(n, "max_retry", d.maxRetry()), duration(n, "timeout", d.timeout()));
        }

        private Duration duration(JsonNode n, String field, Duration byDefault) {
            if (!n.has(field)) {
                return byDefault;
            }
            String t = n.get(field).asText();
            try {
                Duration d = org.slacast.core.policy.Durations.parseSetting(t);
                if (d.isPositive() && d.compareTo(Duration.ofDays(1)) <= 0) {
                    return d;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw error("delivery." + field, "'" + t + "' is not a duration from 1ms to 1d, such as 5s or 10m");
        }

        List<AlertRule> rules(JsonNode n, Set<String> webhooks) {
            if (!n.isArray() || n.isEmpty() || n.size() > MAX_RULES) {
                throw error("rules", "give a list of 1 to " + MAX_RULES + " rules, each with a name and a when");
            }
            List<AlertRule> out = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < n.size(); i++) {
                String key = "rules[" + i + "]";
                JsonNode r = n.get(i);
                only(r, key, Set.of("name", "when", "teams", "systems", "priorities", "notify"));
                String name = text(r, key, "name");
                if (!name.matches("[A-Za-z0-9._-]{1,64}") || !names.add(name)) {
                    throw error(key + ".name", "'" + name + "' must be unique and 1 to 64 letters, digits, '.', '_' "
                            + "or '-'");
                }
                List<String> notify = r.has("notify") ? strings(r.get("notify"), key + ".notify")
                        : List.copyOf(webhooks);
                for (String w : notify) {
                    if (!webhooks.contains(w)) {
                        throw error(key + ".notify", "no webhook '" + w + "'; the file defines " + webhooks);
                    }
                }
                out.add(new AlertRule(name, condition(r.path("when"), key + ".when"),
                        Set.copyOf(strings(r.path("teams"), key + ".teams")),
                        Set.copyOf(strings(r.path("systems"), key + ".systems")),
                        priorities(r.path("priorities"), key + ".priorities"), notify));
            }
            return out;
        }

        private AlertCondition condition(JsonNode w, String key) {
            if (!w.isObject() || w.size() != 1) {
                throw error(key, "give exactly one of band: [at_risk, overdue], probability_at_least: 0.8, "
                        + "saving_above: 0");
            }
            only(w, key, Set.of("band", "probability_at_least", "saving_above"));
            if (w.has("band")) {
                Set<RiskBand> bands = new LinkedHashSet<>();
                for (String b : strings(w.get("band"), key + ".band")) {
                    bands.add(band(b, key + ".band"));
                }
                return new AlertCondition.InBand(bands);
            }
            if (w.has("probability_at_least")) {
                double p = number(w, "probability_at_least", key);
                if (p < 0 || p > 1) {
                    throw error(key + ".probability_at_least", "give a probability from 0 to 1");
                }
                return new AlertCondition.ProbabilityAtLeast(p);
            }
            return new AlertCondition.SavingAbove(number(w, "saving_above", key));
        }

        private RiskBand band(String b, String key) {
            for (RiskBand r : List.of(RiskBand.ON_TRACK, RiskBand.AT_RISK, RiskBand.OVERDUE, RiskBand.PAUSED)) {
                if (r.label().equals(b)) {
                    return r;
                }
            }
            throw error(key, "'" + b + "' is not a band of an open ticket: use at_risk, overdue, on_track or paused");
        }

        private double number(JsonNode w, String field, String key) {
            JsonNode v = w.get(field);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw error(key + "." + field, "must be a number");
            }
            return v.asDouble();
        }

        private Set<Priority> priorities(JsonNode n, String key) {
            Set<Priority> out = new LinkedHashSet<>();
            for (String p : strings(n, key)) {
                try {
                    out.add(Priority.parse(p));
                } catch (IllegalArgumentException e) {
                    throw error(key, "'" + p + "' is not a priority: use critical, high, medium, low or planning");
                }
            }
            return out;
        }

        private List<String> strings(JsonNode n, String key) {
            if (n.isMissingNode() || n.isNull()) {
                return List.of();
            }
            if (n.isTextual()) {
                return List.of(n.asText());
            }
            if (!n.isArray()) {
                throw error(key, "give a list, such as [a, b]");
            }
            List<String> out = new ArrayList<>();
            n.forEach(v -> out.add(v.asText()));
            return out;
        }

        private String text(JsonNode n, String key, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isValueNode() || v.asText().isBlank()) {
                throw error(key + "." + field, "is required");
            }
            return v.asText();
        }
    }
}
