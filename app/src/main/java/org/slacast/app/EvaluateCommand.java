package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.slacast.models.ModelBundle;
import org.slacast.training.pipeline.TrainingPipeline;
import org.slacast.training.report.Report;
import org.slacast.training.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slacast evaluate}: a bundle on new data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
    "Judge a model on data: the tickets created after its training data (all tickets if there are none), at its "
        + "own threshold and calibration, beside the baselines.",
    "", "Example:", "  slacast evaluate --data data/new [--model ID] [--report DIR]"})
public final class EvaluateCommand extends ModelCommand {
    @picocli.CommandLine.Mixin
    private ModelSource.Choice choice;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the report (HTML, Markdown, JSON) here.")
    private Path report;

    @Option(names = "--label", paramLabel = "given|clock",
            description = {"The label judged against: given (outcomes.csv beside the tickets; tickets without one "
                + "fall back to the clock) or clock. Default: given when there is an outcomes.csv, otherwise clock."})
    private String label;

    /** Creates the command. */
    public EvaluateCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        ModelBundle b = choice.bundle(models);
        TrainingPipeline.Result r = models.judge(List.of(b), source,
                label == null ? null : org.slacast.training.label.LabelMode.parse(label));
        PrintWriter out = spec.commandLine().getOut();
        boolean later = r.split().first().isAfter(b.manifest().provenance().to());
        out.printf("%s on %,d tickets created %s .. %s%s%n", b.manifest().id(), r.provenance().tickets(),
                r.split().first(), r.split().last(), later ? ", all after its training data"
                        : " (the data has no tickets after its training data, so these include them: in-sample)");
        out.println(r.labelling().summary());
        out.printf("%s was chosen at checkpoints '%s'; trained on labels: %s%n", b.manifest().id(),
                b.manifest().chosenAt(), b.manifest().labels().label());
        TrainCommand.printTable(out, r);
        if (report != null) {
            ReportFiles.write(Report.of(r, null, null), report);
            out.printf("report: %s%n", report.resolve(ReportFiles.HTML));
        }
        return 0;
    }
}
