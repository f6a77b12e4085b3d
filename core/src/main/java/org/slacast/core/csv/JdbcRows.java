package org.slacast.core.csv;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Native rows from a SQL query over JDBC (DuckDB, PostgreSQL or any driver on the class path). Column labels are
 * matched case-insensitively to native column names, so {@code SELECT number AS ticket_id ...} maps a foreign
 * table. Timestamps with a zone are read as instants; timestamps without one are taken in {@code zone} (UTC unless
 * the reader is told otherwise, as the native CSV format requires an explicit offset).
 *
 * @param url   the JDBC URL, e.g. {@code jdbc:duckdb:desk.duckdb} or {@code jdbc:postgresql://host/db?user=u}
 * @param query the query
 * @param label what the rows are, for messages ("tickets", "events")
 * @param zone  the zone of timestamp columns without one
 */
public record JdbcRows(String url, String query, String label, ZoneId zone) implements RowSource {

    /** Requires a zone. */
    public JdbcRows {
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Rows whose timestamp columns without a zone are taken as UTC.
     *
     * @param url   the JDBC URL
     * @param query the query
     * @param label what the rows are, for messages
     */
    public JdbcRows(String url, String query, String label) {
        this(url, query, label, ZoneOffset.UTC);
    }

    @Override
    public String name() {
        return redacted(url) + " [" + label + " query]";
    }

    @Override
    public Map<String, Integer> read(Collection<String> required, Consumer<CsvRow> sink) {
        String name = name(); // redacting the URL is a regex: once per read, not once per row
        try (Connection c = DriverManager.getConnection(url)) {
            return read(c, name, query, List.of(), zone, required, sink);
        } catch (SQLException e) {
            throw new CsvFileException(name + ": " + firstLine(e.getMessage())
                    + "; check the JDBC URL, that the database is up, and the query");
        }
    }

    /**
     * Streams a query's rows over an open connection, as {@link #read(Collection, Consumer)} does.
     *
     * @param c        the connection
     * @param name     the source's name, for messages
     * @param query    the query, with {@code ?} for each parameter
     * @param params   the parameters, bound in order
     * @param zone     the zone of timestamp columns without one
     * @param required column names that must be present
     * @param sink     receives each row
     * @return column name to index
     * @throws CsvFileException if the query fails or lacks a required column
     */
    public static Map<String, Integer> read(Connection c, String name, String query, List<Object> params,
                                            ZoneId zone, Collection<String> required, Consumer<CsvRow> sink) {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setFetchSize(10_000);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                String[] header = new String[md.getColumnCount()];
                for (int i = 0; i < header.length; i++) {
                    header[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                }
                Map<String, Integer> columns = CsvFiles.header(header);
                for (String r : required) {
                    if (!columns.containsKey(r)) {
                        throw new CsvFileException(name + ": the query returns no column '" + r + "'; it returns "
                                + columns.keySet() + ". Alias a column AS " + r + ".");
                    }
                }
                int[] kinds = new int[header.length];
                for (int i = 0; i < header.length; i++) {
                    kinds[i] = kind(md, i + 1);
                }
                long row = 0;
                while (rs.next()) {
                    String[] values = new String[header.length];
                    for (int i = 0; i < header.length; i++) {
                        values[i] = text(rs, i + 1, kinds[i], zone);
                    }
                    sink.accept(new CsvRow(name, ++row, columns, values));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new CsvFileException(name + ": " + firstLine(e.getMessage())
                    + "; check the JDBC URL, that the database is up, and the query");
        }
    }

    /** PostgreSQL reports timestamptz as TIMESTAMP, so the type name decides whether there is a zone. */
    private static int kind(ResultSetMetaData md, int i) throws SQLException {
        int type = md.getColumnType(i);
        String name = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone")) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return type;
    }

    private static String text(ResultSet rs, int i, int kind, ZoneId zone) throws SQLException {
        Object v = switch (kind) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case Types.TIMESTAMP -> {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                yield t == null ? null : t.atZone(zone).toInstant();
            }
            default -> rs.getObject(i);
        };
        return v == null ? "" : v.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "database error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Keeps passwords in URLs out of messages and reject files.
     *
     * @param url a JDBC URL
     * @return the URL with any password replaced by {@code ***}
     */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
