package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.policy.PolicyIdentity;
import org.slacast.models.BundleManifest;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;

/**
 * Given outcomes as labels, the champion chosen at its checkpoint, and the bundle's policy, end to end on a
 * generated desk (seed 5) whose outcomes.csv is stricter than the SLA clock: a breach past 80% of the target.
 */
class LabelsCliTest {
    @TempDir
    static Path tmp;
    static Path data;
    static final Map<String, Boolean> CLOCK = new HashMap<>();
    static final Map<String, Boolean> GIVEN = new HashMap<>();
    static CliRun atCreation;

    @BeforeAll
    static void deskWithOutcomes() throws IOException {
        data = tmp.resolve("desk");
        assertThat(CliRun.of("generate", "--tickets", "3000", "--seed", "5", "--out", data.toString(), "--no-sla")
                .code()).isZero();
        Path sla = tmp.resolve("sla.csv");
        assertThat(CliRun.of("sla", "--data", data.toString(), "--policy", data.resolve("policy.yaml").toString(),
                "--out", sla.toString()).code()).isZero();
        List<String> lines = new ArrayList<>(List.of("ticket_id,breached"));
        int[] n = {0};
        CsvFiles.read(sla, List.of("ticket_id", "metric", "breached", "state"), row -> {
            boolean known = row.get("state").equals("completed") || row.get("breached").equals("true");
            if (!row.get("metric").equals("resolution") || !known) {
                return;
            }
            boolean clock = row.get("breached").equals("true");
            CLOCK.put(row.get("ticket_id"), clock);
            double target = Double.parseDouble(row.get("target_minutes"));
            boolean given = clock || Double.parseDouble(row.get("elapsed_business_minutes")) > 0.8 * target;
            if (n[0]++ % 10 != 9) { // every tenth ticket has no given outcome
                GIVEN.put(row.get("ticket_id"), given);
                lines.add(row.get("ticket_id") + "," + given);
            }
        });
        lines.add(3, "INC-9999999,true");
        lines.add(5, "INC-0000002,maybe");
        Files.write(data.resolve("outcomes.csv"), lines);
        atCreation = train("creation", "--models", "random-forest,logistic");
    }

    static CliRun train(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--registry",
                tmp.resolve(name).toString(), "--param", "random-forest.trees=40"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    static BundleManifest champion(String name) {
        return new Registry(tmp.resolve(name)).champion().manifest();
    }

    static JsonNode report(String name) throws IOException {
        Registry r = new Registry(tmp.resolve(name));
        return ModelBundle.json().readTree(r.path(r.roles().champion()).resolve("report.json").toFile());
    }

    @Test
    void givenOutcomesAreTheLabelAndTheReportSaysHowOftenTheClockAgrees() throws IOException {
        long agree = GIVEN.entrySet().stream().filter(e -> CLOCK.get(e.getKey()).equals(e.getValue())).count();
        long disagree = GIVEN.size() - agree;
        assertThat(disagree).as("the given outcomes differ from the clock on some tickets").isGreaterThan(50);
        Path file = data.resolve("outcomes.csv");
        assertThat(atCreation.out()).contains(String.format("labels: given (%s: %,d tickets; %,d without one, "
                        + "labelled by the clock); the SLA clock agrees with the given outcome on %.1f%% of the %,d",
                file, GIVEN.size(), CLOCK.size() - GIVEN.size(), 100.0 * agree / GIVEN.size(), GIVEN.size()))
                .contains("2 outcome rows rejected (first: " + file + ":4 [ticket_id]: ticket INC-9999999 is not "
                        + "among the tickets read");
        // The model learnt the given labels: the breach rate of its labelled tickets is theirs, not the clock's.
        long breached = CLOCK.keySet().stream().filter(id -> GIVEN.getOrDefault(id, CLOCK.get(id))).count();
        JsonNode report = report("creation");
        assertThat(report.at("/facts/breachRate").asDouble()).isCloseTo(breached / (double) CLOCK.size(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.at("/labels/mode").asText()).isEqualTo("given");
        assertThat(report.at("/labels/agreement")).hasSize(6); // five priorities and all
        assertThat(report.at("/labels/agreement/5/agree").asLong()).isEqualTo(agree);
        BundleManifest m = champion("creation");
        assertThat(m.labels().source()).isEqualTo("given");
        assertThat(m.labels().given()).isEqualTo(GIVEN.size());
        assertThat(m.labels().fallback()).isEqualTo(CLOCK.size() - GIVEN.size());
        assertThat(m.policy()).isEqualTo(PolicyIdentity.of(data.resolve("policy.yaml")));
        String md = Files.readString(new Registry(tmp.resolve("creation")).path(m.id()).resolve("report.md"));
        assertThat(md).contains("## Labels", "fall back to the clock's label", "| all | " + String.format("%,d",
                GIVEN.size()));
    }

    @Test
    void theClockLabelIsUsedWhenAskedFor() throws IOException {
        CliRun run = train("clock", "--models", "logistic", "--label", "clock");
        assertThat(run.out()).contains(String.format("labels: clock; --label clock: the %,d given outcomes in", GIVEN.size()));
        long breached = CLOCK.values().stream().filter(b -> b).count();
        assertThat(report("clock").at("/facts/breachRate").asDouble()).isCloseTo(breached / (double) CLOCK.size(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(champion("clock").labels().source()).isEqualTo("clock");
    }

    @Test
    void theChampionIsChosenAtItsCheckpointsAndDiffersWhereTheModelsDisagree() throws IOException {
        // On this desk the forest is better on validation at 25% and 50% of the target, the logistic model at
        // creation and over all checkpoints.
        BundleManifest creation = champion("creation");
        assertThat(creation.chosenAt()).isEqualTo("creation");
        assertThat(creation.kind()).isEqualTo("logistic");
        assertThat(atCreation.out()).containsPattern("models compared at checkpoints 'creation': first logistic-\\S+ "
                + "\\(validation ROC-AUC 0\\.\\d{4} there\\)\n");
        JsonNode models = report("creation").at("/models");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).at("/moments")).extracting(j -> j.get("moment").asText())
                .containsExactly("creation", "0.25", "0.5", "0.75", "all");
        assertThat(models.get(0).at("/moments/0/chosen").asBoolean()).isTrue();
        assertThat(models.get(0).at("/moments/0/validation/rocAuc").asDouble())
                .isGreaterThan(models.get(1).at("/moments/0/validation/rocAuc").asDouble());
        assertThat(models.get(0).at("/moments/1/validation/rocAuc").asDouble())
                .isLessThan(models.get(1).at("/moments/1/validation/rocAuc").asDouble());
        assertThat(creation.metrics()).containsKeys("roc_auc_at_choice", "brier_at_choice", "brier_at_creation");
        assertThat(creation.metrics().get("roc_auc_at_choice")).isEqualTo(creation.metrics().get("roc_auc_at_creation"));

        CliRun mix = train("mix", "--models", "random-forest,logistic", "--choose-at", "0.5,0.25");
        BundleManifest m = champion("mix");
        assertThat(m.chosenAt()).isEqualTo("0.25,0.5");
        assertThat(m.kind()).isEqualTo("random-forest");
        assertThat(mix.out()).containsPattern("models compared at checkpoints '0.25,0.5': first random-forest-\\S+ "
                + "\\(validation ROC-AUC 0\\.\\d{4} there\\); over all checkpoints logistic-\\S+ would be first");
        assertThat(report("mix").at("/models/0/moments/5/moment").asText()).isEqualTo("0.25,0.5");
        assertThat(report("mix").at("/chosenAt").asText()).isEqualTo("0.25,0.5");
    }

    @Test
    void anotherPolicyIsRefusedByScoreAndServeUnlessWarned() throws IOException {
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, Files.readString(data.resolve("policy.yaml")).replace("critical: 2h", "critical: 3h"));
        String id = champion("creation").id();
        String reg = tmp.resolve("creation").toString();
        Path out = tmp.resolve("scores.csv");
        CliRun refused = CliRun.of("score", "--data", data.toString(), "--registry", reg, "--policy",
                other.toString(), "--out", out.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("slacast: " + id + " was trained under policy "
                + PolicyIdentity.of(data.resolve("policy.yaml")).label() + ", not " + PolicyIdentity.of(other).label()
                + "; give the policy it was trained under, retrain it under this one, or pass --policy-mismatch warn "
                + "to use it anyway");
        CliRun warned = CliRun.of("score", "--data", data.toString(), "--registry", reg, "--policy",
                other.toString(), "--out", out.toString(), "--policy-mismatch", "warn");
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("slacast: warning: " + id + " was trained under policy policy.yaml",
                "used anyway (--policy-mismatch warn)");
        CliRun serve = CliRun.of("serve", "--registry", reg, "--policy", other.toString(), "--port", "0", "--no-log",
                "--store", "jdbc:duckdb:");
        assertThat(serve.code()).isEqualTo(1);
        String last = serve.err().strip().substring(serve.err().strip().lastIndexOf('\n') + 1);
        assertThat(last).startsWith("slacast: " + id + " was trained under policy policy.yaml");
        assertThat(serve.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void evaluateJudgesOnTheGivenLabelsByDefault() {
        CliRun run = CliRun.of("evaluate", "--data", data.toString(), "--registry", tmp.resolve("creation").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("labels: given (", "was chosen at checkpoints 'creation'; trained on labels: "
                + "given (");
        CliRun clock = CliRun.of("evaluate", "--data", data.toString(), "--registry",
                tmp.resolve("creation").toString(), "--label", "clock");
        assertThat(clock.out()).contains("labels: clock;");
    }
}
