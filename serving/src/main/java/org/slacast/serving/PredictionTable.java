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
 * The prediction log's tables and each database's bulk write. A score's feature values are one text column,
 * comma-separated in schema order ({@code string_split(feature_values, ',')::DOUBLE[]} in DuckDB,
 * {@code string_to_array(feature_values, ',')::float8[]} in PostgreSQL); each model's feature names are stored once
 * in {@code <table>_features}, so that a row carries no names (a JSON object per row was about 1.3 KB). A challenger
 * scored in shadow shares the row: its model, probability and band. At first contact the tables are created, or migrated: a table from an
 * earlier slacast (whose {@code features} column held JSON, and whose shadow scores were rows of their own) gets
 * the missing columns added and keeps its old rows. Writes go through DuckDB's appender and
 * PostgreSQL's {@code COPY}; row-by-row batched INSERTs managed about 400 rows a second on DuckDB.
 */
final class PredictionTable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionTable.class);
    /** A column this version writes; one that may be null can be added to an earlier table. */
    private record Column(String name, String type, boolean nullable) {
        String definition() {
            return name + " " + type + (nullable ? "" : " NOT NULL");
        }
    }

    /** The columns this version writes, in table order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("scored_at", "TIMESTAMP WITH TIME ZONE", false),
            new Column("request_id", "VARCHAR(64)", false),
            new Column("ticket_id", "VARCHAR(256)", false),
            new Column("model_id", "VARCHAR(256)", false),
            new Column("probability", "DOUBLE PRECISION", false),
            new Column("band", "VARCHAR(16)", false),
            new Column("feature_values", "TEXT", true),
            new Column("shadow_model_id", "VARCHAR(256)", true),
            new Column("shadow_probability", "DOUBLE PRECISION", true),
            new Column("shadow_band", "VARCHAR(16)", true));
    private static final String NAMES = String.join(", ", COLUMNS.stream().map(Column::name).toList());

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
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + String.join(", ", COLUMNS.stream().map(Column::definition).toList()) + ")");
            s.execute("CREATE TABLE IF NOT EXISTS " + table + "_features (model_id VARCHAR(256) PRIMARY KEY, "
                    + "feature_names TEXT NOT NULL)");
            List<String> found = columnsOf(s);
            for (Column col : COLUMNS) {
                if (!found.contains(col.name())) {
                    if (!col.nullable()) {
                        throw new SQLException(table + " has columns " + found + ", without " + col.name() + ", which "
                                + "the prediction log needs; rename that table or give serve another database");
                    }
                    s.execute("ALTER TABLE " + table + " ADD COLUMN " + col.definition());
                    LOG.info("prediction log: migrated {}: added {}; earlier rows keep their values", table, col.name());
                }
            }
            columns = columnsOf(s);
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
                        case "feature_values" -> a.append(values(e.features()));
                        case "shadow_model_id" -> nullable(a, e.shadowModelId());
                        case "shadow_probability" -> {
                            if (e.shadowModelId() == null) {
                                a.appendNull();
                            } else {
                                a.append(e.shadowProbability());
                            }
                        }
                        case "shadow_band" -> nullable(a, e.shadowBand());
                        default -> a.appendNull(); // a migrated table's old JSON column, or one added by hand
                    }
                }
                a.endRow();
            }
            a.flush();
        }
    }

    private static void nullable(DuckDBAppender a, String v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    private void copy(PGConnection c, List<PredictionLog.Entry> batch) throws SQLException {
        StringBuilder csv = new StringBuilder(batch.size() * 700);
        for (PredictionLog.Entry e : batch) {
            csv.append(e.at()).append(',');
            quote(csv, e.requestId()).append(',');
            quote(csv, e.ticketId()).append(',');
            quote(csv, e.modelId()).append(',').append(e.probability()).append(',');
            quote(csv, e.band()).append(",\"");
            values(csv, e.features()).append("\",");
            if (e.shadowModelId() != null) {
                quote(csv, e.shadowModelId()).append(',').append(e.shadowProbability()).append(',');
                quote(csv, e.shadowBand());
            } else {
                csv.append(",,"); // unquoted empty fields are NULL in COPY's CSV
            }
            csv.append('\n');
        }
        try {
            c.getCopyAPI().copyIn("COPY " + table + " (" + NAMES + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** @return the values comma-separated in schema order, as {@code feature_values} holds them */
    static String values(double[] x) {
        return values(new StringBuilder(x.length * 12), x).toString(); // most full-precision values take 16-20
    }

    /**
     * Counts, codes and flags as integers, the rest in full precision; both databases cast NaN and Infinity back.
     * Text, not an array column: DuckDB's appender took 12.5 µs a row for a 59-value DOUBLE[], and 4.7 µs for this.
     */
    private static StringBuilder values(StringBuilder s, double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (j > 0) {
                s.append(',');
            }
            double v = x[j];
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                s.append((long) v);
            } else {
                s.append(v);
            }
        }
        return s;
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
