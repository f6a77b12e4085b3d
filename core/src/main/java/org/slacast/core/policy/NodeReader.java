package org.slacast.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slacast.core.ConfigFileException;

/**
 * Reads values out of a parsed YAML file, turning every problem into a {@link ConfigFileException} that names the
 * file and the key path ({@code policies[1].rules.first_response.stop_on[0]}).
 */
final class NodeReader {
    private final String source;

    NodeReader(String source) {
        this.source = source;
    }

    /** @return a non-blank scalar's stripped text */
    String text(JsonNode node, String path) {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw error(path, "expected a value");
        }
        return node.asText().strip();
    }

    /** @return a scalar or a list of scalars, as a set in file order; empty when absent */
    Set<String> strings(JsonNode node, String path) {
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

    /** @return the value of {@code key}, required to be present and not null */
    JsonNode required(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(join(path, key), "is required");
        }
        return v;
    }

    /** @return the boolean at {@code key}, or {@code otherwise} when absent */
    boolean bool(JsonNode node, String key, String path, boolean otherwise) {
        JsonNode v = node.get(key);
        if (v == null) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            throw error(join(path, key), "expected true or false");
        }
        return v.asBoolean();
    }

    /**
     * @return the constant of {@code type} whose snake-case name is the text at {@code key}, or {@code otherwise}
     *         when absent
     */
    <E extends Enum<E>> E choice(JsonNode node, String key, String path, Class<E> type, E otherwise) {
        JsonNode v = node.get(key);
        if (v == null) {
            return otherwise;
        }
        String t = text(v, join(path, key));
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw error(join(path, key), "'" + t + "' is not one of " + labels(type));
    }

    /** Refuses any key of {@code node} outside {@code allowed}, so a typo never silently drops a rule. */
    void keys(JsonNode node, String path, Set<String> allowed) {
        Set<String> unknown = new HashSet<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            String k = unknown.iterator().next();
            throw error(join(path, k), "unknown key; expected one of " + allowed.stream().sorted().toList());
        }
    }

    /** Runs a parse, turning its {@link IllegalArgumentException} into an error at {@code path}. */
    <T> T attempt(String path, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ConfigFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    ConfigFileException error(String path, String message) {
        return new ConfigFileException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message, null);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static <E extends Enum<E>> String labels(Class<E> type) {
        StringBuilder b = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            b.append(b.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
