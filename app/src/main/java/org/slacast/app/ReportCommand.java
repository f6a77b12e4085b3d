package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import org.slacast.training.pipeline.TrainingPipeline;
import org.slacast.training.report.Report;
import org.slacast.training.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slacast report}: the manager's report, champion against challenger, on given data. */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
    "Write the evaluation report (self-contained HTML, Markdown and JSON) comparing the champion and the "
        + "challenger on data. 'slacast train' writes one too.",
    "", "Example:", "  slacast report --data data/bank --out report"})
public final class ReportCommand extends ModelCommand {
    @picocli.CommandLine.Mixin
    private ModelSource.Choice choice;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Directory for report.html, report.md and report.json (default: ${DEFAULT-VALUE}).")
    private Path out;

    /** Creates the command. */
    public ReportCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        Registry registry = models.registry();
        Registry.Roles roles = registry.roles();
        List<ModelBundle> bundles = new ArrayList<>();
        if (choice.model != null) {
            bundles.add(choice.bundle(models));
        } else {
            bundles.add(registry.champion());
            if (roles.challenger() != null) {
                bundles.add(registry.load(roles.challenger()));
            }
        }
        TrainingPipeline.Result r = models.judge(bundles, source);
        ReportFiles.write(Report.of(r, roles.champion(), roles.challenger()), out);
        PrintWriter o = spec.commandLine().getOut();
        TrainCommand.printTable(o, r);
        o.printf("report: %s (also %s, %s)%n", out.resolve(ReportFiles.HTML), ReportFiles.MARKDOWN, ReportFiles.JSON);
        return 0;
    }
}
