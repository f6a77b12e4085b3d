package org.slacast.serving;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction log's tables and each database's bulk write. A score's feature values are one array column in
 * schema order; each model's feature names are stored once in {@code <table>_features}, so that a row costs no
 * names (a JSON object per row was about 1.3 KB of text to build and store). At first contact the tables are
 * created, or migrated: a table from an earlier slacast, whose {@code features} column held JSON, gets the
 * {@code feature_values} column added and keeps its old rows. Writes go through DuckDB's appender and
 * PostgreSQL's {@code COPY}; row-by-row batched INSERTs managed about 400 rows a second on DuckDB.
 */
final class PredictionTable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionTable.class);
    private static final List<String> COLUMNS = List.of("scored_at", "request_id", "ticket_id", "model_id",
            "probability", "band", "feature_values");

    private final String table;
    private final Set<String> modelsNamed = new HashSet<>();
    /** The table's columns in their order, read after creation or migration: DuckDB's appender fills all of them. */
    private List<String> columns;

    /** @param table a plain table name, checked by the caller */
    PredictionTable(String table) {
        this.table = table;
    }

    /** @return true once the tables exist with the columns this version writes */
    boolean ready() {
        return columns != null;
    }

    /** Creates or migrates the tables; idempotent. */
    void prepare(Connection c) throws SQLException {
        boolean duck = c.isWrapperFor(DuckDBConnection.class);
        String array = duck ? "DOUBLE[]" : "DOUBLE PRECISION[]";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (scored_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "request_id VARCHAR(64) NOT NULL, ticket_id VARCHAR(256) NOT NULL, model_id VARCHAR(256) NOT NULL, "
                    + "probability DOUBLE PRECISION NOT NULL, band VARCHAR(16) NOT NULL, feature_values " + array + ")");
            s.execute("CREATE TABLE IF NOT EXISTS " + table + "_features (model_id VARCHAR(256) PRIMARY KEY, "
                    + "feature_names TEXT NOT NULL)");
            List<String> found = columnsOf(s);
            if (!found.contains("feature_values")) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN feature_values " + array);
                LOG.info("prediction log: migrated {}: added feature_values; earlier rows keep their JSON features",
                        table);
                found = columnsOf(s);
            }
            if (!found.containsAll(COLUMNS)) {
                throw new SQLException(table + " has columns " + found + " but the prediction log needs " + COLUMNS
                        + "; rename that table or give serve another database");
            }
            columns = found;
        }
    }

    private List<String> columnsOf(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    /** Writes a batch with the database's bulk path, and the names of any model not seen before. */
    void write(Connection c, List<PredictionLog.Entry> batch) throws SQLException {
        nameModels(c, batch);
        if (c.isWrapperFor(DuckDBConnection.class)) {
            append(c.unwrap(DuckDBConnection.class), batch);
        } else {
            copy(c.unwrap(PGConnection.class), batch);
        }
    }

    private void nameModels(Connection c, List<PredictionLog.Entry> batch) throws SQLException {
        for (PredictionLog.Entry e : batch) {
            if (modelsNamed.contains(e.modelId())) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + "_features (model_id, "
                    + "feature_names) VALUES (?, ?) ON CONFLICT (model_id) DO NOTHING")) {
                ps.setString(1, e.modelId());
                ps.setString(2, jsonArray(e.names()));
                ps.executeUpdate();
            }
            modelsNamed.add(e.modelId());
        }
    }

    private void append(DuckDBConnection c, List<PredictionLog.Entry> batch) throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (PredictionLog.Entry e : batch) {
                a.beginRow();
                for (String col : columns) {
                    switch (col) {
                        case "scored_at" -> a.append(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                        case "request_id" -> a.append(e.requestId());
                        case "ticket_id" -> a.append(e.ticketId());
                        case "model_id" -> a.append(e.modelId());
                        case "probability" -> a.append(e.probability());
                        case "band" -> a.append(e.band());
                        case "feature_values" -> a.append(e.features());
                        default -> a.appendNull(); // a migrated table's old JSON column, or one added by hand
                    }
                }
                a.endRow();
            }
            a.flush();
        }
    }

    private void copy(PGConnection c, List<PredictionLog.Entry> batch) throws SQLException {
        StringBuilder csv = new StringBuilder(batch.size() * 700);
        for (PredictionLog.Entry e : batch) {
            csv.append(e.at()).append(',');
            quote(csv, e.requestId()).append(',');
            quote(csv, e.ticketId()).append(',');
            quote(csv, e.modelId()).append(',').append(e.probability()).append(',');
            quote(csv, e.band()).append(",\"{");
            double[] x = e.features();
            for (int j = 0; j < x.length; j++) {
                number(j == 0 ? csv : csv.append(','), x[j]);
            }
            csv.append("}\"\n");
        }
        try {
            c.getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", COLUMNS) + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Counts, codes and flags as integers, the rest in full precision; PostgreSQL reads NaN and Infinity. */
    private static StringBuilder number(StringBuilder s, double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? s.append((long) v) : s.append(v);
    }

    private static StringBuilder quote(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                s.append('"');
            }
            s.append(ch);
        }
        return s.append('"');
    }

    private static String jsonArray(List<String> names) {
        StringBuilder s = new StringBuilder("[");
        for (int j = 0; j < names.size(); j++) {
            s.append(j == 0 ? "\"" : ",\"");
            for (char ch : names.get(j).toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    s.append('\\');
                }
                s.append(ch);
            }
            s.append('"');
        }
        return s.append(']').toString();
    }
}
