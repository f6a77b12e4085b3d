package org.slacast.training.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slacast.models.ModelBundle;
import org.slacast.models.Provenance;
import org.slacast.training.data.TimeSplit;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.eval.DecisionAnalysis;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.label.Agreement;
import org.slacast.training.label.Labelling;
import org.slacast.training.pipeline.MomentMetrics;
import org.slacast.training.pipeline.TrainedModel;
import org.slacast.training.pipeline.TrainingPipeline;

/**
 * The content of an evaluation report, rendered as HTML and Markdown and written as JSON.
 *
 * @param title      the heading
 * @param createdAt  when it was written
 * @param data       the data's provenance
 * @param split      the time split
 * @param models     every model, best on validation first
 * @param baselines  the baselines on the same test examples
 * @param facts      facts about the desk
 * @param champion   the registry's champion after this run, or null
 * @param challenger the registry's challenger after this run, or null
 * @param decisions  the best model's decision figures, or null
 * @param checkpoints the checkpoint fractions, to label the decisions by checkpoint
 * @param labels     where the labels came from and how often the clock agrees with given ones
 * @param chosenAt   the checkpoints the models were compared on ({@code creation}, {@code all} or fractions)
 * @param bestOverAll the model first on validation over all checkpoints, or null (evaluation of saved bundles)
 * @param cv         rolling-origin cross-validation ({@code train --cv K}), or null
 * @param desk       stages, segment tests, staffing and proposals ({@code train} writes them), or null
 */
public record Report(String title, Instant createdAt, Provenance data, TimeSplit split, List<ModelSection> models,
                     List<Evaluation> baselines, DeskFacts facts, String champion, String challenger,
                     DecisionAnalysis decisions, List<Double> checkpoints, Labels labels, String chosenAt,
                     String bestOverAll, org.slacast.training.pipeline.RollingOrigin cv,
                     org.slacast.training.desk.DeskAnalysis desk) {

    /** @param folds the run's cross-validation; @return this report with it */
    public Report withCv(org.slacast.training.pipeline.RollingOrigin folds) {
        return new Report(title, createdAt, data, split, models, baselines, facts, champion, challenger, decisions,
                checkpoints, labels, chosenAt, bestOverAll, folds, desk);
    }

    /** @param analysis the desk's analysis; @return this report with it */
    public Report withDesk(org.slacast.training.desk.DeskAnalysis analysis) {
        return new Report(title, createdAt, data, split, models, baselines, facts, champion, challenger, decisions,
                checkpoints, labels, chosenAt, bestOverAll, cv, analysis);
    }

    /**
     * The labels of the run, as the report states them.
     *
     * @param source    {@code given (...)} or {@code clock}
     * @param mode      {@code given} or {@code clock}
     * @param fallback  tickets without a given outcome, labelled by the clock (under {@code given})
     * @param agreement how often the clock agrees with the given outcomes, per priority then all
     * @param rejects   outcomes.csv rows left out
     * @param note      why the label is what it is, when not asked for, or null
     */
    public record Labels(String source, String mode, long fallback, List<Agreement> agreement, long rejects,
                         String note) {
        static Labels of(Labelling l) {
            if (l == null) {
                return new Labels("clock", "clock", 0, List.of(), 0, null);
            }
            return new Labels(l.source().label(), l.mode().label(), l.fallback(), l.agreement(), l.rejects().size(),
                    l.note());
        }
    }

    /**
     * One model's part of the report.
     *
     * @param id          bundle id
     * @param kind        model kind
     * @param calibration calibration method
     * @param validation  calibrated validation metrics
     * @param test        the test evaluation
     * @param importance  global importance, largest first (TreeSHAP-based for trees where available)
     * @param fitSeconds  fitting time
     * @param moments     its metrics at every checkpoint, over all, and at the chosen mix
     */
    public record ModelSection(String id, String kind, String calibration, BinaryMetrics validation, Evaluation test,
                               List<Importance> importance, double fitSeconds, List<MomentMetrics> moments) {
    }

    /**
     * @param feature a feature
     * @param value   its share of importance
     */
    public record Importance(String feature, double value) {
    }

    /**
     * @param result     a training run
     * @param champion   the champion after the run
     * @param challenger the challenger after the run
     * @return the report
     */
    public static Report of(TrainingPipeline.Result result, String champion, String challenger) {
        return of(result, champion, challenger, org.slacast.core.feature.Checkpoints.DEFAULT);
    }

    /**
     * @param result      a training run
     * @param champion    the champion after the run
     * @param challenger  the challenger after the run
     * @param checkpoints the run's checkpoint fractions
     * @return the report
     */
    public static Report of(TrainingPipeline.Result result, String champion, String challenger,
                            List<Double> checkpoints) {
        List<ModelSection> sections = new ArrayList<>();
        for (TrainedModel m : result.models()) {
            ModelBundle b = m.bundle();
            sections.add(new ModelSection(b.manifest().id(), b.manifest().kind(), b.manifest().calibrator().name(),
                    m.validation(), m.test(), importance(b, m.importance()), m.fitSeconds(), m.moments()));
        }
        return new Report("SLA breach model evaluation", Instant.now(), result.provenance(), result.split(), sections,
                result.baselines(), result.facts(), champion, challenger, result.decisions(), List.copyOf(checkpoints),
                Labels.of(result.labelling()), result.chosenAt().label(), result.bestOverAll(), null, null);
    }

    private static List<Importance> importance(ModelBundle b, double[] imp) {
        List<String> names = b.manifest().schema().names();
        List<Importance> out = new ArrayList<>();
        for (int j = 0; j < imp.length; j++) {
            out.add(new Importance(names.get(j), imp[j]));
        }
        out.sort(Comparator.comparingDouble((Importance i) -> -i.value()));
        return List.copyOf(out.subList(0, Math.min(15, out.size())));
    }
}
