package org.slacast.datasets.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import org.slacast.core.csv.CsvRow;
import org.slacast.core.csv.RowException;

/**
 * Reads one native field from a source row through the mapping: the column, the missing tokens, {@code values},
 * the time formats and the decimal separator. A value that cannot be read is a {@link RowException} naming the
 * column and the mapping key to fix.
 *
 * @param mapping    the mapping
 * @param typedTimes true when the source hands typed timestamps on as ISO-8601 text (Excel, Parquet)
 */
record RowValues(ImportMapping mapping, boolean typedTimes) {
    /** The longest category value: a category names a thing, and each distinct one costs the vocabulary. */
    static final int MAX_CATEGORY_CHARS = 500;

    /** @return true when every cell of the row is blank: a row of nothing but separators */
    static boolean empty(CsvRow row) {
        if (row.malformed() != null) {
            return false;
        }
        for (String v : row.values()) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** @return the field's value after missing tokens and {@code values}, or null */
    String value(CsvRow row, String field) {
        String column = mapping.fields().get(field);
        if (column == null) {
            return null;
        }
        String v = raw(row, column);
        if (v == null) {
            return null;
        }
        Map<String, String> map = mapping.values().get(field);
        return map != null && map.containsKey(v) ? map.get(v) : v;
    }

    /** @return the column's stripped value, or null when absent or a missing token */
    String raw(CsvRow row, String column) {
        if (row.malformed() != null) {
            throw new RowException(null, row.malformed());
        }
        Integer i = row.columns().get(column);
        if (i == null || i >= row.values().length) {
            return null;
        }
        String v = row.values()[i].strip();
        return mapping.missing().contains(v) ? null : v;
    }

    <T> T level(CsvRow row, String field, Function<String, T> parser) {
        return RowException.parsing(mapping.fields().get(field), value(row, field), parser,
                "; add it under values." + field + " in " + mapping.source());
    }

    /** @return the field as a number in the mapping's decimal separator, or null */
    BigDecimal number(CsvRow row, String field) {
        String v = value(row, field);
        if (v == null) {
            return null;
        }
        try {
            return mapping.format().number(v);
        } catch (NumberFormatException e) {
            throw new RowException(mapping.fields().get(field), "'" + v + "' is not a number with decimal '"
                    + mapping.format().decimal() + "'; check decimal in " + mapping.source());
        }
    }

    /** @return the open attributes' values of the row by key, numbers in the mapping's decimal separator */
    Map<String, String> attributes(CsvRow row) {
        if (mapping.attributes().isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        for (ImportMapping.AttributeColumn a : mapping.attributes()) {
            String v = raw(row, a.column());
            if (v == null) {
                continue;
            }
            if (a.attribute().number()) {
                try {
                    v = a.attribute().read(mapping.format().number(v).toPlainString());
                } catch (NumberFormatException | org.slacast.core.BadInputException e) {
                    throw new RowException(a.column(), "'" + v + "' is not a number with decimal '"
                            + mapping.format().decimal() + "' (attributes." + a.attribute().name() + " in "
                            + mapping.source() + " says number)");
                }
            } else if (v.length() > MAX_CATEGORY_CHARS) {
                throw new RowException(a.column(), "is " + v.length() + " characters long; a category holds at most "
                        + MAX_CATEGORY_CHARS + " (map long text to subject or body)");
            }
            out.put(a.attribute().key(), v);
        }
        return out;
    }

    Instant time(CsvRow row, String field, boolean required) {
        String v = value(row, field);
        String column = mapping.fields().get(field);
        if (v == null) {
            if (required) {
                throw new RowException(column, "is empty; a timestamp is required");
            }
            return null;
        }
        Instant at = mapping.time(field, v);
        if (at != null) {
            return at;
        }
        if (typedTimes) {
            try {
                return typed(v);
            } catch (DateTimeParseException ignored) {
                // a text cell: named below with the formats
            }
        }
        throw new RowException(column, "'" + v + "' matches none of the formats given under formats." + field
                + " in " + mapping.source());
    }


    /** A date cell or timestamp column, as the reader wrote it: ISO with a 'T', or a bare date. */
    private Instant typed(String v) {
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay(mapping.zone()).toInstant();
        }
        if (v.indexOf('T') < 0) {
            throw new DateTimeParseException("not typed", v, 0);
        }
        return mapping.iso(v);
    }
}
