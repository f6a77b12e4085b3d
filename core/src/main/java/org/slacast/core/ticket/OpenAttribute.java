package org.slacast.core.ticket;

import java.util.regex.Pattern;
import org.slacast.core.BadInputException;

/**
 * An attribute of a ticket beyond the native fields, as an export has it: a configuration item, a knowledge
 * article, a count of related interactions. Its key says its type and whether it is known at creation, and is
 * the same everywhere: the column header of {@code tickets.csv}, the key under {@code attributes} in the API's
 * JSON, and the key in the desk store.
 *
 * <ul>
 *   <li>{@code cat.NAME}: a category, known when the ticket is opened;</li>
 *   <li>{@code num.NAME}: a number, known when the ticket is opened;</li>
 *   <li>{@code end.cat.NAME}, {@code end.num.NAME}: known only when the ticket ends (a final count, a closing
 *       code). Kept with the ticket and reported, never a feature, because at scoring time it does not exist.</li>
 * </ul>
 *
 * @param name       lower-case letters, digits and underscores, starting with a letter
 * @param number     true for a number, false for a category
 * @param knownAtEnd true when the value is only known when the ticket ends
 */
public record OpenAttribute(String name, boolean number, boolean knownAtEnd) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** The prefix of a key known only at the end. */
    public static final String END = "end.";

    /** Checks the name. */
    public OpenAttribute {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("'" + name + "' is not an attribute name; use lower-case letters, digits and "
                    + "underscores, starting with a letter (at most 63)");
        }
    }

    /**
     * @param key a column header or JSON key
     * @return the attribute it declares, or null when it has none of the prefixes (a native or unknown column)
     * @throws BadInputException when it has a prefix but no valid name after it
     */
    public static OpenAttribute ofKey(String key) {
        boolean end = key.startsWith(END);
        String rest = end ? key.substring(END.length()) : key;
        if (rest.startsWith("cat.")) {
            return new OpenAttribute(rest.substring(4), false, end);
        }
        if (rest.startsWith("num.")) {
            return new OpenAttribute(rest.substring(4), true, end);
        }
        if (end) {
            throw new BadInputException("'" + key + "' starts with end. but not end.cat. or end.num.");
        }
        return null;
    }

    /** @return the key: {@code cat.NAME}, {@code num.NAME}, or with {@code end.} before them */
    public String key() {
        return (knownAtEnd ? END : "") + (number ? "num." : "cat.") + name;
    }

    /** @return the feature's name: {@code attr_NAME} */
    public String feature() {
        return "attr_" + name;
    }

    /**
     * Reads a value of this attribute.
     *
     * @param value the text, stripped, not empty
     * @return the value to keep: a category as given, a number in plain decimal form
     * @throws BadInputException when a number is not a finite decimal number
     */
    public String read(String value) {
        if (!number) {
            return value;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return new java.math.BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new BadInputException("'" + value + "' is not a number (write it with a '.' decimal point, "
                    + "no thousands separators)");
        }
    }
}
