package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;

/** The model commands end to end on a small generated desk, trained once. */
class TrainCliTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path registry;
    static CliRun train;

    @BeforeAll
    static void trainOnce() {
        data = tmp.resolve("desk");
        registry = tmp.resolve("models");
        assertThat(CliRun.of("generate", "--tickets", "4000", "--seed", "3", "--out", data.toString(), "--no-sla").code())
                .isZero();
        train = CliRun.of("train", "--data", data.toString(), "--registry", registry.toString(), "--models",
                "random-forest,logistic", "--param", "random-forest.trees=40");
    }

    @Test
    void rollingOriginFoldsReportEachModelWithAnInterval(@org.junit.jupiter.api.io.TempDir Path reg) throws IOException {
        CliRun r = CliRun.of("train", "--data", data.toString(), "--registry", reg.toString(), "--models", "logistic",
                "--cv", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rolling-origin cross-validation, 3 folds")
                .containsPattern("logistic +0\\.[0-9]{3} \\[0\\.[0-9]{3}, [01]\\.[0-9]{3}\\]")
                .contains("baseline: priority rate");
        Path dir = new Registry(reg).path(new Registry(reg).roles().champion());
        JsonNode report = ModelBundle.json().readTree(dir.resolve("report.json").toFile());
        JsonNode folds = report.at("/cv/folds");
        assertThat(folds).hasSize(3 * 3);
        assertThat(folds.get(0).get("fold").asInt()).isEqualTo(1);
        assertThat(folds.get(8).get("fold").asInt()).isEqualTo(3);
        JsonNode auc = report.at("/cv/summary/0");
        assertThat(auc.get("model").asText()).isEqualTo("logistic");
        assertThat(auc.get("measure").asText()).isEqualTo("roc_auc");
        assertThat(auc.get("folds").asInt()).isEqualTo(3);
        assertThat(auc.get("low").asDouble()).isLessThan(auc.get("mean").asDouble());
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Rolling-origin cross-validation");
        CliRun bad = CliRun.of("train", "--data", data.toString(), "--registry", reg.toString(), "--cv", "1");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--cv 1: give 2 to 10 folds");
    }

    @Test
    void trainWritesBundlesAReportAndBeatsThePriorityBaseline() throws IOException {
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("model (test slice)", "baseline: priority rate", "baseline: at-risk band",
                "registry " + registry + ": champion ");
        Registry r = new Registry(registry);
        assertThat(r.list()).hasSize(2);
        ModelBundle champion = r.champion();
        JsonNode report = ModelBundle.json().readTree(r.path(champion.manifest().id()).resolve("report.json").toFile());
        double model = report.at("/models/0/test/overall/rocAuc").asDouble();
        double priority = report.at("/baselines/0/overall/rocAuc").asDouble();
        assertThat(model).isGreaterThan(priority + 0.1);
        String html = Files.readString(r.path(champion.manifest().id()).resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Confusion matrix", "Where breaches happen", "Time to resolve")
                .doesNotContain("<script", "src=\"http", "href=\"http", "@import");
        // ROC, PR, calibration, cost, importance, capacity, staffing, heatmap, Pareto and two MTTR charts.
        assertThat(html.split("<svg ", -1)).hasSize(12);
        assertThat(html).contains("Decisions and scenarios", "Implied thresholds", "Deciding over a ticket",
                "more than the priority baseline under the same rule");
        assertThat(html).contains("Where the time goes until resolution", "Where the time goes until first response",
                "Segment differences that hold", "Agents Erlang C requires in L1", "stages worth shortening first",
                "--faster awaiting_parts=20%");
        assertThat(report.at("/desk/stages/0/metric").asText()).isEqualTo("first_response");
        assertThat(report.at("/desk/segments/dimensions")).hasSize(6);
        assertThat(report.at("/desk/staffing/required")).hasSize(7);
        assertThat(report.at("/decisions/thresholds")).hasSize(5);
        assertThat(report.at("/models/0/test/savings/netSavings").asDouble())
                .isEqualTo(champion.manifest().metrics().get("net_savings"));
        assertThat(champion.manifest().provenance().libraries()).containsKeys("java", "smile", "tribuo");
        assertThat(champion.manifest().provenance().libraries().get("smile")).isEqualTo("6.3.0");
        // The manifest records every parameter the fit used, the --param one and the defaults.
        var forest = r.list().stream().filter(e -> e.manifest().kind().equals("random-forest")).findFirst()
                .orElseThrow().manifest();
        assertThat(forest.parameters()).containsEntry("trees", 40).containsEntry("max_depth", 20)
                .containsEntry("max_examples", 50_000).containsEntry("seed", 42).containsEntry("max_train_examples", 200_000)
                .containsKey("train_examples");
    }

    @Test
    void fittingTheKindsOneAfterAnotherGivesTheSameModels(@TempDir Path reg) {
        // Smile's boosting draws from a generator seeded on its own thread, the forest's trees from their own seeds.
        Map<Integer, Registry> runs = new java.util.HashMap<>();
        for (int threads : new int[] {1, 3}) {
            Path dir = reg.resolve("threads-" + threads);
            CliRun run = CliRun.of("train", "--data", data.toString(), "--registry", dir.toString(), "--models",
                    "random-forest,logistic,gradient-boosting", "--param", "random-forest.trees=40", "--fit-threads",
                    String.valueOf(threads), "--no-report");
            assertThat(run.code()).as(run.err()).isZero();
            runs.put(threads, new Registry(dir));
        }
        for (String kind : List.of("random-forest", "logistic", "gradient-boosting")) {
            assertThat(metricsOf(runs.get(3), kind)).as(kind).isEqualTo(metricsOf(runs.get(1), kind));
        }
    }

    private static Map<String, Double> metricsOf(Registry r, String kind) {
        return r.list().stream().filter(b -> b.manifest().kind().equals(kind)).findFirst().orElseThrow()
                .manifest().metrics();
    }

    @Test
    void scoreWritesOneRowPerTicketWithReasons() throws IOException {
        Path out = tmp.resolve("scores.csv");
        CliRun run = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", ScoreCsv.COLUMNS));
        assertThat(lines).hasSize(4001);
        assertThat(lines.get(1)).matches("INC-\\d+,[^,]+,0\\.\\d{4},(low|medium|high),.*=.*\\([+-]\\d\\.\\d{3}\\).*");
        // The recommendation is the expected saving's sign, and the decision column shows the arithmetic.
        int acted = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double saving = Double.parseDouble(f[7]);
            boolean act = Boolean.parseBoolean(f[8]);
            acted += act ? 1 : 0;
            assertThat(f[9]).startsWith("expected saving " + f[7] + " = ").endsWith(act ? ": act" : ": do not act");
            if (Math.abs(saving) >= 0.01) {
                assertThat(act).as(line).isEqualTo(saving > 0);
            }
        }
        assertThat(acted).isPositive();
        assertThat(run.out()).contains(acted + " recommended for intervention (expected saving above 0)");
    }

    @Test
    void trainTakesTheCostFileAndReportsTheImpliedThresholds() throws IOException {
        Path cost = tmp.resolve("cost.yaml");
        Files.writeString(cost, """
                cost:
                  penalties: {critical: 400, high: 100, medium: 40, low: 10, planning: 5}
                  contracts: {platinum: {high: 250}}
                  intervention_cost: 20
                  effectiveness: {0: 0.5, 0.5: 0.25}
                """);
        CliRun run = CliRun.of("train", "--data", data.toString(), "--registry", tmp.resolve("cost-reg").toString(),
                "--models", "logistic", "--no-report", "--cost", cost.toString(), "--intervention-cost", "10");
        assertThat(run.code()).as(run.err()).isZero();
        // 10 / (400 x 0.5) = 0.05; 10 / (100 x 0.5) = 0.2; 10 / (40 x 0.5) = 0.5; 10 / (10 x 0.5) = 2: never
        assertThat(run.out()).contains(
                "critical  any contract           penalty    400 x 0.50: 0.050",
                "high      any contract           penalty    100 x 0.50: 0.200",
                "medium    any contract           penalty     40 x 0.50: 0.500",
                "low       any contract           penalty     10 x 0.50: never",
                "high      contract platinum      penalty    250 x 0.50: 0.080");
        var m = new Registry(tmp.resolve("cost-reg")).champion().manifest();
        assertThat(m.cost().interventionCost()).isEqualTo(10.0); // the flag over the file
        assertThat(m.cost().effectiveness(0.6)).isEqualTo(0.25);
        assertThat(m.metrics()).containsKeys("net_savings", "net_savings_low", "interventions");
    }

    @Test
    void scoreAsOfScoresOnlyTheTicketsOpenThen() throws IOException {
        Path out = tmp.resolve("open.csv");
        CliRun run = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--out",
                out.toString(), "--as-of", "2025-01-20T10:00:00Z");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(out).subList(1, Files.readAllLines(out).size());
        assertThat(rows).isNotEmpty().hasSizeLessThan(200)
                .allSatisfy(r -> assertThat(r).contains(",2025-01-20T10:00:00Z,"));
        // Exact TreeSHAP gives the same probabilities; only the reasons may differ.
        Path shap = tmp.resolve("open-shap.csv");
        CliRun exact = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--out",
                shap.toString(), "--as-of", "2025-01-20T10:00:00Z", "--explain", "shap");
        assertThat(exact.code()).as(exact.err()).isZero();
        List<String> exactRows = Files.readAllLines(shap).subList(1, rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(exactRows.get(i).split(",", 4)[2]).isEqualTo(rows.get(i).split(",", 4)[2]);
        }
    }

    @Test
    void trainReadsTicketsFromADatabase() throws Exception {
        String url = "jdbc:duckdb:" + tmp.resolve("desk.duckdb");
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            for (String table : List.of("tickets", "events")) {
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + data.resolve(table + ".csv")
                        + "', header = true, all_varchar = true)");
            }
        }
        Path reg = tmp.resolve("jdbc-registry");
        CliRun run = CliRun.of("train", "--jdbc", url, "--policy", data.resolve("policy.yaml").toString(),
                "--registry", reg.toString(), "--models", "logistic", "--no-report");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(new Registry(reg).champion().manifest().provenance().source())
                .isEqualTo(url + " [tickets query]");
        assertThat(new Registry(reg).champion().manifest().provenance().sha256())
                .isEqualTo(new Registry(registry).champion().manifest().provenance().sha256());
    }

    @Test
    void evaluateModelsAndReportRun() {
        CliRun eval = CliRun.of("evaluate", "--data", data.toString(), "--registry", registry.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("in-sample", "ROC-AUC");
        CliRun list = CliRun.of("models", "list", "--registry", registry.toString());
        assertThat(list.out()).contains("champion", "challenger");
        CliRun show = CliRun.of("models", "show", "--registry", registry.toString());
        assertThat(show.out()).contains("\"provenance\"", "\"calibrator\"", "\"threshold\"").doesNotContain("\"edges\"");
        Path dir = tmp.resolve("report");
        CliRun rep = CliRun.of("report", "--data", data.toString(), "--registry", registry.toString(), "--out",
                dir.toString());
        assertThat(rep.code()).as(rep.err()).isZero();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("report.md")).content().startsWith("# SLA breach model evaluation");
    }

    @Test
    void badFlagsAndMissingModelsAreOneLineErrors() {
        CliRun p = CliRun.of("train", "--data", data.toString(), "--registry", tmp.resolve("x").toString(),
                "--param", "trees=5");
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).isEqualTo("slacast: --param trees=5: write KIND.NAME=VALUE, e.g. random-forest.trees=300\n");
        CliRun typo = CliRun.of("train", "--data", data.toString(), "--registry", tmp.resolve("x").toString(),
                "--param", "random-forest.tress=300");
        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.err()).isEqualTo("slacast: --param random-forest.tress=300: unknown parameter 'tress' for "
                + "random-forest; valid: max_depth, max_examples, max_nodes, node_size, patience, trees\n");
        CliRun range = CliRun.of("train", "--data", data.toString(), "--registry", tmp.resolve("x").toString(),
                "--param", "gbt.shrinkage=2", "--param", "logistic.epochs=3");
        assertThat(range.err()).isEqualTo("slacast: --param gradient-boosting.shrinkage=2.0: must be in (0, 1]\n");
        CliRun threads = CliRun.of("train", "--data", data.toString(), "--fit-threads", "0");
        assertThat(threads.err()).isEqualTo("slacast: --fit-threads must be between 1 and 16, not 0\n");
        CliRun model = CliRun.of("train", "--data", data.toString(), "--param", "svm.c=1");
        assertThat(model.err()).startsWith("slacast: --param svm.c=1: unknown model 'svm'; use one of");
        CliRun k = CliRun.of("train", "--data", data.toString(), "--models", "svm");
        assertThat(k.err()).startsWith("slacast: unknown model 'svm'; use one of [random-forest, logistic, gradient-boosting, lightgbm]");
        CliRun none = CliRun.of("score", "--data", data.toString(), "--registry", tmp.resolve("empty").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("has no champion; train a model or promote one");
        CliRun explain = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--explain",
                "exact");
        assertThat(explain.code()).isEqualTo(2);
        assertThat(explain.err()).contains("--explain: 'exact' is not an explanation; use path (fast) or shap");
        CliRun gate = CliRun.of("models", "promote", "nope", "--registry", registry.toString());
        assertThat(gate.err()).contains("no model 'nope' in");
    }
}
