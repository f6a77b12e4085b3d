package org.slacast.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file (policy file, import mapping) that cannot be used; the message names the file and the
 * key path or line, and what to do.
 */
public final class ConfigFileException extends BadInputException {
    private static final long serialVersionUID = 1L;
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    /**
     * @param message what is wrong, where, and what to do
     * @param cause   the underlying error, or null
     */
    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A YAML syntax error as one line. SnakeYAML's messages span several lines; this keeps the last position
     * and the problem itself.
     *
     * @param source the file, for the message
     * @param e      the parser's error
     * @return e.g. {@code policy.yaml line 2, column 1: not valid YAML: while parsing a flow node; ...}
     */
    public static ConfigFileException yaml(String source, JsonProcessingException e) {
        String where = "";
        StringBuilder what = new StringBuilder();
        for (String line : e.getOriginalMessage().split("\\R")) {
            Matcher m = POSITION.matcher(line);
            if (m.find()) {
                where = " line " + m.group(1) + ", column " + m.group(2);
            } else if (!line.isBlank() && !line.strip().equals("^") && !line.startsWith(" ")) {
                what.append(what.isEmpty() ? "" : "; ").append(line.strip());
            }
        }
        return new ConfigFileException(source + where + ": not valid YAML: " + what, e);
    }
}
