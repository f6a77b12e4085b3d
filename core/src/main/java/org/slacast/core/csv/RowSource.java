package org.slacast.core.csv;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where native rows come from: a CSV file or a SQL query. Either way each row keeps a place (file and line, or
 * query and row number) so a rejected row can be found again.
 */
public interface RowSource {

    /** @return the source's name, used in messages */
    String name();

    /**
     * Streams the data rows to {@code sink}.
     *
     * @param required column names that must be present
     * @param sink     receives each row
     * @return column name to index
     * @throws CsvFileException if the source cannot be read as a whole or lacks a required column
     */
    Map<String, Integer> read(Collection<String> required, Consumer<CsvRow> sink);

    /**
     * @param file a native CSV file
     * @return a source reading it
     */
    static RowSource csv(Path file) {
        return new RowSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public Map<String, Integer> read(Collection<String> required, Consumer<CsvRow> sink) {
                return CsvFiles.read(file, required, sink);
            }
        };
    }
}
