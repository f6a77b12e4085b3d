package org.slacast.datasets.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A dotted path into a JSON payload, as a webhook mapping names its fields: {@code issue.fields.priority.name},
 * with numbers indexing arrays ({@code issue.fields.components.0.name}).
 *
 * @param text the path as written
 */
record PayloadPath(String text) {
    /** Checks the path. */
    PayloadPath {
        if (text == null || text.isBlank() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            throw new IllegalArgumentException("'" + text + "' is not a path such as issue.fields.priority.name");
        }
    }

    /** @param root the payload @return the node at the path, or a missing node */
    JsonNode in(JsonNode root) {
        JsonNode n = root;
        for (String step : text.split("\\.")) {
            if (n.isArray() && step.chars().allMatch(Character::isDigit) && step.length() < 6) {
                n = n.path(Integer.parseInt(step));
            } else {
                n = n.path(step);
            }
            if (n.isMissingNode() || n.isNull()) {
                return MissingNode.getInstance();
            }
        }
        return n;
    }

    /**
     * @return the issue field this path reads, e.g. {@code priority} for {@code issue.fields.priority.name}, or
     *         null for a path outside {@code issue.fields}
     */
    String issueField() {
        String[] steps = text.split("\\.");
        return steps.length >= 3 && steps[0].equals("issue") && steps[1].equals("fields") ? steps[2] : null;
    }
}
