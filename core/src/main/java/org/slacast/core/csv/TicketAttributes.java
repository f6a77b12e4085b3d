package org.slacast.core.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slacast.core.BadInputException;
import org.slacast.core.ticket.OpenAttribute;

/**
 * A native row's open attributes ({@link OpenAttribute}): from prefixed columns ({@code cat.ci_type},
 * {@code num.related}) in a tickets.csv, or from one {@value NativeFormat#ATTRIBUTES_COLUMN} column holding a JSON
 * object of the same keys, as the desk store and SQL sources give them.
 */
public final class TicketAttributes {
    /** At most this many open attributes per ticket: each is a feature, and a row is not a document. */
    public static final int MAX = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The attribute columns of each header seen; a file has one header for all its rows. */
    private static final Map<Map<String, Integer>, List<Column>> HEADERS = new ConcurrentHashMap<>();

    private record Column(String header, OpenAttribute attribute, int index) {
    }

    private record Header(Map<String, Integer> header, List<Column> columns) {
    }

    private static volatile Header lastHeader;

    private TicketAttributes() {
    }

    /**
     * @param row a native tickets row
     * @return its open attributes by key; a blank cell is a missing value
     * @throws RowException naming the column whose header or value is wrong
     */
    static Map<String, String> read(CsvRow row) {
        List<Column> columns = columns(row.columns());
        Integer json = row.columns().get(NativeFormat.ATTRIBUTES_COLUMN);
        if (columns.isEmpty() && json == null) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        for (Column c : columns) {
            String v = row.get(c.header());
            if (v != null) {
                out.put(c.attribute().key(), value(c.attribute(), v, c.header()));
            }
        }
        if (json != null) {
            String v = row.get(NativeFormat.ATTRIBUTES_COLUMN);
            if (v != null) {
                out.putAll(fromJson(v));
            }
        }
        return out;
    }

    private static List<Column> columns(Map<String, Integer> header) {
        Header last = lastHeader;
        if (last != null && last.header() == header) { // every row of a file shares its header map
            return last.columns();
        }
        List<Column> known = HEADERS.get(header);
        if (known != null) {
            lastHeader = new Header(header, known);
        }
        if (known != null) {
            return known;
        }
        List<Column> found = new java.util.ArrayList<>();
        header.forEach((name, index) -> {
            OpenAttribute a;
            try {
                a = OpenAttribute.ofKey(name);
            } catch (BadInputException e) {
                throw new RowException(name, e.getMessage() + "; rename the column");
            }
            if (a != null) {
                found.add(new Column(name, a, index));
            }
        });
        check(found.stream().map(Column::attribute).toList(), "columns");
        if (HEADERS.size() < 64) { // a bound, whatever the caller reads
            HEADERS.put(header, List.copyOf(found));
        }
        return found;
    }

    /**
     * @param attributes attributes declared together
     * @param where      what declared them, for the message
     * @throws RowException when there are too many, or one name has two types
     */
    static void check(List<OpenAttribute> attributes, String where) {
        if (attributes.size() > MAX) {
            throw new RowException(null, attributes.size() + " open attribute " + where + "; at most " + MAX);
        }
        Map<String, OpenAttribute> byName = new TreeMap<>();
        for (OpenAttribute a : attributes) {
            OpenAttribute other = byName.put(a.name(), a);
            if (other != null) {
                throw new RowException(a.key(), "attribute '" + a.name() + "' is also " + other.key()
                        + "; an attribute has one type and one moment, so keep one of them");
            }
        }
    }

    private static String value(OpenAttribute a, String v, String column) {
        try {
            return a.read(v);
        } catch (BadInputException e) {
            throw new RowException(column, e.getMessage());
        }
    }

    /**
     * @param json a JSON object of attribute key to value (text or number)
     * @return the attributes by key
     * @throws RowException naming the {@value NativeFormat#ATTRIBUTES_COLUMN} column and the key at fault
     */
    public static Map<String, String> fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RowException(NativeFormat.ATTRIBUTES_COLUMN, "is not a JSON object of attribute keys to values");
        }
        if (node == null || !node.isObject()) {
            throw new RowException(NativeFormat.ATTRIBUTES_COLUMN, "is not a JSON object of attribute keys to values");
        }
        Map<String, String> out = new TreeMap<>();
        List<OpenAttribute> declared = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            OpenAttribute a;
            try {
                a = OpenAttribute.ofKey(e.getKey());
            } catch (BadInputException ex) {
                throw new RowException(NativeFormat.ATTRIBUTES_COLUMN, ex.getMessage());
            }
            if (a == null) {
                throw new RowException(NativeFormat.ATTRIBUTES_COLUMN, "key '" + e.getKey() + "' is not cat.NAME, "
                        + "num.NAME, end.cat.NAME or end.num.NAME");
            }
            declared.add(a);
            if (!e.getValue().isNull() && !(e.getValue().isValueNode() && e.getValue().asText().isBlank())) {
                if (!e.getValue().isValueNode()) {
                    throw new RowException(NativeFormat.ATTRIBUTES_COLUMN, "'" + e.getKey() + "' must be text or a "
                            + "number");
                }
                out.put(a.key(), value(a, e.getValue().asText().strip(), NativeFormat.ATTRIBUTES_COLUMN));
            }
        }
        check(declared, "keys");
        return out;
    }

    /**
     * @param attributes a ticket's attributes
     * @return them as one JSON object, or null when there are none
     */
    public static String toJson(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes are text", e);
        }
    }
}
