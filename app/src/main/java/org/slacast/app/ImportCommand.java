package org.slacast.app;

import org.slacast.core.BadInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slacast.datasets.importer.Anonymiser;
import org.slacast.datasets.importer.ImportMapping;
import org.slacast.datasets.importer.Importer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast import}: an ITSM export or event log, through a column mapping, to native files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert a ticket export (one row per ticket) or an event log (many rows per case) into native "
                + "tickets.csv and events.csv, using a YAML column mapping. Rows that cannot be read are listed in "
                + "rejects.csv with file:line, column and reason; all others are written.", "", "Example:",
            "  slacast import --mapping datasets/mappings/servicenow.yaml --input datasets/sample/servicenow-incidents.csv --out data/sn"})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--mapping", required = true, paramLabel = "M.yaml", description = "The column mapping.")
    private Path mapping;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The export or event log: delimited text (CSV, ;, tab or | separated), .xlsx or .parquet.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--store", paramLabel = "JDBC-URL", description = "Also load what was written into this desk "
            + "store (jdbc:duckdb:FILE or jdbc:postgresql://...).")
    private String store;

    @Option(names = "--anonymise", description = "Replace people and organisation names with keyed tokens and scrub "
            + "e-mail addresses and phone numbers from subjects and bodies. The key comes from --key-file or "
            + "SLACAST_ANON_KEY.")
    private boolean anonymise;

    @ArgGroup(exclusive = true)
    private Key keys = new Key();

    /** The anonymisation key: from a file, or from the environment. */
    static final class Key {
        @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the anonymisation key (16+ "
                + "bytes).")
        Path file;

        @Option(names = "--anon-key", paramLabel = "KEY", defaultValue = "${env:SLACAST_ANON_KEY}",
                description = "The anonymisation key (default: $SLACAST_ANON_KEY; prefer the variable or a key file, "
                    + "which other users cannot read from the process list).")
        String text;
    }

    /** Creates the command. */
    public ImportCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        ImportMapping m = ImportMapping.load(mapping);
        Anonymiser anon = anonymise ? new Anonymiser(key()) : null;
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a file; give a directory for tickets.csv and events.csv");
        }
        if (Files.isDirectory(input)) {
            throw new BadInputException("--input " + input + ": is a directory; give the export file itself");
        }
        Files.createDirectories(out);
        Importer.Summary s = new Importer(m, anon).run(input, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%d rows read (%s): %d tickets, %d events written to %s; %d rows rejected (see %s)%s%s%n", s.rows(),
                s.readAs(), s.tickets(), s.events(), out, s.rejects().size(), out.resolve("rejects.csv"),
                s.empty() > 0 ? "; " + s.empty() + " empty rows skipped" : "",
                s.outcomes() > 0 ? "; " + s.outcomes() + " given outcomes in outcomes.csv" : "");
        if (!s.rejects().isEmpty()) {
            o.println("first reject: " + s.rejects().getFirst());
        }
        s.changes().stream().map(Importer.AttributeChange::warning).filter(java.util.Objects::nonNull)
                .forEach(w -> o.println("warning: " + w));
        if (store != null) {
            int[] n = StoreCommand.load(org.slacast.core.csv.TicketData.load(out), store, null);
            spec.commandLine().getOut().printf("%,d tickets and %,d new events -> %s%n", n[0], n[1],
                    org.slacast.core.csv.JdbcRows.redacted(store));
        }
        return 0;
    }

    private byte[] key() throws java.io.IOException {
        if (keys.file != null) {
            if (!Files.isRegularFile(keys.file)) {
                throw new BadInputException(keys.file + ": no such key file");
            }
            byte[] raw = Files.readAllBytes(keys.file);
            try {
                // A text key is stripped, so an editor's trailing newline does not change every token.
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString().strip()
                        .getBytes(StandardCharsets.UTF_8);
            } catch (java.nio.charset.CharacterCodingException binary) {
                return raw;
            }
        }
        if (keys.text == null || keys.text.isBlank()) {
            throw new BadInputException("--anonymise needs a key: give --key-file FILE or set SLACAST_ANON_KEY");
        }
        return keys.text.strip().getBytes(StandardCharsets.UTF_8);
    }
}
