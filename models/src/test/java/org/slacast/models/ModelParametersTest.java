package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slacast.core.BadInputException;

class ModelParametersTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(ModelParameters.defaults(ModelKind.RANDOM_FOREST))
                .isEqualTo(new ForestParameters(200, 20, 300, 5, 50_000, 30));
        assertThat(ModelParameters.defaults(ModelKind.GRADIENT_BOOSTING))
                .isEqualTo(new BoostParameters(200, 8, 16, 5, 0.1, 0.7, 60_000, 20));
        assertThat(ModelParameters.defaults(ModelKind.LOGISTIC)).isEqualTo(new LogisticParameters(5, 0.1, 100_000));
        assertThat(ModelParameters.defaults(ModelKind.RANDOM_FOREST).asMap()).containsExactly(Map.entry("trees", 200),
                Map.entry("max_depth", 20), Map.entry("max_nodes", 300), Map.entry("node_size", 5),
                Map.entry("max_examples", 50_000), Map.entry("patience", 30));
    }

    @Test
    void parsingOverridesTheGivenNamesAndKeepsTheRest() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("trees", "300");
        text.put("shrinkage", "0.05");
        text.put("max_examples", "1e4");
        assertThat(ModelParameters.parse(ModelKind.GRADIENT_BOOSTING, text))
                .isEqualTo(new BoostParameters(300, 8, 16, 5, 0.05, 0.7, 10_000, 20));
        assertThat(ModelParameters.parse(ModelKind.LOGISTIC, Map.of("epochs", "10.0", "learning_rate", " 0.5 ")))
                .isEqualTo(new LogisticParameters(10, 0.5, 100_000));
        assertThat(ModelParameters.parse(ModelKind.RANDOM_FOREST, Map.of())).isEqualTo(ForestParameters.DEFAULTS);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void asMapParsesBackToTheSameParameters(ModelKind kind) {
        ModelParameters p = ModelParameters.defaults(kind);
        Map<String, String> text = new LinkedHashMap<>();
        p.asMap().forEach((k, v) -> text.put(k, v.toString()));
        assertThat(ModelParameters.parse(kind, text)).isEqualTo(p);
        assertThat(ModelParameters.names(kind)).isSorted().containsExactlyInAnyOrderElementsOf(p.asMap().keySet());
    }

    @Test
    void aMisspeltNameIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> ModelParameters.parse(ModelKind.RANDOM_FOREST, Map.of("tress", "300")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("random-forest.tress=300: unknown parameter 'tress' for random-forest; valid: max_depth, "
                        + "max_examples, max_nodes, node_size, patience, trees");
        // Another kind's parameter is just as unknown.
        assertThatThrownBy(() -> ModelParameters.parse(ModelKind.LOGISTIC, Map.of("trees", "30")))
                .hasMessage("logistic.trees=30: unknown parameter 'trees' for logistic; valid: epochs, learning_rate, "
                        + "max_examples");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "random-forest     | trees         | lots  | random-forest.trees=lots: not a number",
        "random-forest     | trees         | NaN   | random-forest.trees=NaN: not a number",
        "random-forest     | trees         | 2.5   | random-forest.trees=2.5: must be a whole number",
        "random-forest     | trees         | 0     | random-forest.trees=0: must be at least 1",
        "random-forest     | max_depth     | 1     | random-forest.max_depth=1: must be at least 2",
        "random-forest     | max_examples  | -1    | random-forest.max_examples=-1: must be at least 0",
        "random-forest     | max_nodes     | 1     | random-forest.max_nodes=1: must be from 2 to 131072",
        "random-forest     | max_nodes     | 200000 | random-forest.max_nodes=200000: must be from 2 to 131072",
        "lightgbm          | leaves        | 200000 | lightgbm.leaves=200000: must be from 2 to 131072",
        "random-forest     | node_size     | 3e10  | random-forest.node_size=3e10: must be at most 2147483647",
        "gradient-boosting | max_nodes     | 1     | gradient-boosting.max_nodes=1: must be at least 2",
        "gradient-boosting | shrinkage     | 1.5   | gradient-boosting.shrinkage=1.5: must be in (0, 1]",
        "gradient-boosting | subsample     | 0     | gradient-boosting.subsample=0.0: must be in (0, 1]",
        "logistic          | epochs        | 0     | logistic.epochs=0: must be at least 1",
        "logistic          | learning_rate | -0.1  | logistic.learning_rate=-0.1: must be a finite number above 0",
        "logistic          | learning_rate | 1e999 | logistic.learning_rate=Infinity: must be a finite number above 0",
    })
    void aBadValueIsRefusedNamingTheParameter(String kind, String name, String value, String message) {
        assertThatThrownBy(() -> ModelParameters.parse(ModelKind.parse(kind), Map.of(name, value)))
                .isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @Test
    void theExampleCapIsTheSmallerOneAndZeroMeansThePipelines() {
        assertThat(ForestParameters.DEFAULTS.exampleCap(200_000)).isEqualTo(50_000);
        assertThat(LogisticParameters.DEFAULTS.exampleCap(200_000)).isEqualTo(100_000);
        assertThat(new LogisticParameters(5, 0.1, 0).exampleCap(200_000)).isEqualTo(200_000);
        assertThat(BoostParameters.DEFAULTS.exampleCap(200_000)).isEqualTo(60_000);
        assertThat(BoostParameters.DEFAULTS.exampleCap(5_000)).isEqualTo(5_000);
        assertThat(new LogisticParameters(5, 0.1, 1_000).exampleCap(200_000)).isEqualTo(1_000);
    }

    @Test
    void aKindRefusesAnotherKindsParameters() {
        TrainingSet d = ModelBundleTest.data(50, 1);
        assertThatThrownBy(() -> ModelKind.LOGISTIC.fit(d, ForestParameters.DEFAULTS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("random-forest parameters given to fit logistic");
    }
}
