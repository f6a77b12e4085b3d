package org.slacast.core.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Outcomes given by the source system, read from {@code outcomes.csv} ({@code ticket_id,breached}, as the import
 * writes when its mapping names an outcome column). A bad row (an unknown ticket, a value that is not true or
 * false, a ticket given twice) is rejected with its line; the others are used.
 *
 * @param file     the file read, or null when there is none
 * @param breached the given outcome per ticket id
 * @param rejects  the rows left out
 */
public record GivenOutcomes(Path file, Map<String, Boolean> breached, List<Reject> rejects) {
    /** The file's name beside tickets.csv and events.csv. */
    public static final String FILE = "outcomes.csv";

    /** Copies the collections. */
    public GivenOutcomes {
        breached = Map.copyOf(breached);
        rejects = List.copyOf(rejects);
    }

    /** @return no given outcomes */
    public static GivenOutcomes none() {
        return new GivenOutcomes(null, Map.of(), List.of());
    }

    /**
     * @param dir a directory that may hold {@code outcomes.csv}
     * @param ticketIds the ids of the tickets read, so an unknown one is rejected
     * @return its outcomes, or {@link #none()} when there is no such file
     */
    public static GivenOutcomes beside(Path dir, Set<String> ticketIds) {
        Path f = dir.resolve(FILE);
        return Files.isRegularFile(f) ? read(f, ticketIds) : none();
    }

    /**
     * @param file      an outcomes file
     * @param ticketIds the ids of the tickets read
     * @return its outcomes and rejects
     * @throws CsvFileException if the file cannot be read or lacks a column
     */
    public static GivenOutcomes read(Path file, Set<String> ticketIds) {
        Map<String, Boolean> out = new HashMap<>();
        List<Reject> rejects = new ArrayList<>();
        Collection<String> required = List.of("ticket_id", "breached");
        CsvFiles.read(file, required, row -> {
            try {
                String id = row.require("ticket_id");
                String v = row.require("breached").toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new RowException("breached", "'" + v + "' is not true or false");
                }
                if (!ticketIds.contains(id)) {
                    throw new RowException("ticket_id", "ticket " + id + " is not among the tickets read; "
                            + "remove the row or add the ticket");
                }
                if (out.putIfAbsent(id, v.equals("true")) != null) {
                    throw new RowException("ticket_id", "ticket " + id + " is given twice; the first is kept");
                }
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
        return new GivenOutcomes(file, out, rejects);
    }

    /** @return whether any outcome is given */
    public boolean present() {
        return !breached.isEmpty();
    }
}
