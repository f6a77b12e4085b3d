package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help formats cleanly: picocli formats help text, so a bare '%' in it became a warning. */
class HelpTextTest {
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(Slacast.commandLine(), all);
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> texts = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                texts.add(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
        } finally {
            System.setErr(was);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(all).hasSizeGreaterThan(15);
        // Long lines wrap where the terminal's width says: compare the words.
        assertThat(String.join(" ", texts).replaceAll("\\s+", " ")).contains("Student-t 95% intervals", "--faster awaiting_parts=20%",
                "--service-level 80% --answer-within 1h", "e.g. -25%.").doesNotContain("%%");
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}
