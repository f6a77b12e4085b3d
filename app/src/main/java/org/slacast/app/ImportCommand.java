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

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV export or event log.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--anonymise", description = "Replace people and organisation names with keyed tokens and scrub "
            + "e-mail addresses and phone numbers from subjects and bodies. The key comes from --key-file or SLACAST_ANON_KEY.")
    private boolean anonymise;

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the anonymisation key (16+ bytes).")
    private Path keyFile;

    /** Creates the command. */
    public ImportCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        ImportMapping m = ImportMapping.load(mapping);
        Anonymiser anon = anonymise ? new Anonymiser(key()) : null;
        Files.createDirectories(out);
        Importer.Summary s = new Importer(m, anon).run(input, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%d rows read: %d tickets, %d events written to %s; %d rows rejected (see %s)%s%n", s.rows(),
                s.tickets(), s.events(), out, s.rejects().size(), out.resolve("rejects.csv"),
                s.outcomes() > 0 ? "; " + s.outcomes() + " given outcomes in outcomes.csv" : "");
        if (!s.rejects().isEmpty()) {
            o.println("first reject: " + s.rejects().getFirst());
        }
        return 0;
    }

    private byte[] key() throws java.io.IOException {
        if (keyFile != null) {
            if (!Files.isRegularFile(keyFile)) {
                throw new BadInputException(keyFile + ": no such key file");
            }
            byte[] raw = Files.readAllBytes(keyFile);
            try {
                // A text key is stripped, so an editor's trailing newline does not change every token.
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString().strip()
                        .getBytes(StandardCharsets.UTF_8);
            } catch (java.nio.charset.CharacterCodingException binary) {
                return raw;
            }
        }
        String env = System.getenv("SLACAST_ANON_KEY");
        if (env == null || env.isBlank()) {
            throw new BadInputException("--anonymise needs a key: give --key-file FILE or set SLACAST_ANON_KEY");
        }
        return env.strip().getBytes(StandardCharsets.UTF_8);
    }
}
