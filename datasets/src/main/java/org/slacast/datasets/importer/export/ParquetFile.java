package org.slacast.datasets.importer.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;

/**
 * A Parquet file, read through an in-memory DuckDB (its JDBC driver is already on the class path for the desk
 * store). Column names keep their case, as the mapping names them; a row's line is its number from 1. Timestamps
 * become ISO-8601 text: with their offset when the column has a zone, local otherwise.
 *
 * @param file the file
 */
public record ParquetFile(Path file) implements ExportFile {

    @Override
    public String describe() {
        return "Parquet";
    }

    @Override
    public boolean typedTimes() {
        return true;
    }

    @Override
    public Map<String, Integer> read(Consumer<CsvRow> sink) {
        String name = file.toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement s = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
            s.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                String[] header = new String[md.getColumnCount()];
                for (int i = 0; i < header.length; i++) {
                    header[i] = md.getColumnLabel(i + 1);
                }
                Map<String, Integer> columns = CsvFiles.header(header);
                long line = 0;
                while (rs.next()) {
                    String[] values = new String[header.length];
                    for (int i = 0; i < header.length; i++) {
                        values[i] = text(rs, i + 1, md.getColumnTypeName(i + 1));
                    }
                    sink.accept(new CsvRow(name, ++line, columns, values));
                }
                return columns;
            }
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new CsvFileException(name + ": not a readable Parquet file (" + m + ")");
        }
    }

    private static String text(ResultSet rs, int i, String type) throws SQLException {
        if (type != null && type.toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
            return t == null ? "" : t.toString();
        }
        Object v = rs.getObject(i);
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return v == null ? "" : v.toString();
    }
}
