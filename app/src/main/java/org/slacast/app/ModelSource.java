package org.slacast.app;

import org.slacast.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import picocli.CommandLine.Option;

/** Options shared by the model commands: the registry and the policy file (and, through {@link Choice}, a model). */
final class ModelSource {
    @Option(names = "--registry", paramLabel = "DIR", defaultValue = "registry",
            description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    Path registry;

    /** {@code --model}, for the commands that use one model (train makes new ones and has no such option). */
    static final class Choice {
        @Option(names = "--model", paramLabel = "ID|DIR",
                description = "A model id in the registry, or a bundle directory (default: the champion).")
        String model;

        /** @return the chosen bundle, or the registry's champion */
        ModelBundle bundle(ModelSource source) {
            if (model == null) {
                return source.registry().champion();
            }
            Path dir = Path.of(model);
            return Files.isDirectory(dir) && Files.exists(dir.resolve(ModelBundle.MANIFEST)) ? ModelBundle.load(dir)
                    : source.registry().load(model);
        }
    }

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy YAML file (default: policy.yaml inside --data, if there is one).")
    Path policy;

    Registry registry() {
        return new Registry(registry);
    }

    /** Judges bundles on the source's tickets at the default checkpoints, with progress bars. */
    org.slacast.training.pipeline.TrainingPipeline.Result judge(java.util.List<ModelBundle> bundles,
                                                                TicketSourceOptions source) {
        PolicySet policies = policies(source);
        BarProgress progress = new BarProgress(System.err);
        var r = org.slacast.training.pipeline.BundleEvaluation.run(bundles, source.load(policies.data()), policies,
                source.describe(), org.slacast.core.feature.Checkpoints.DEFAULT, progress);
        progress.finish();
        return r;
    }

    PolicySet policies(TicketSourceOptions source) {
        Path p = policy;
        if (p == null && source.dataDir() != null && Files.isRegularFile(source.dataDir().resolve("policy.yaml"))) {
            p = source.dataDir().resolve("policy.yaml");
        }
        if (p == null) {
            throw new BadInputException("give --policy FILE: the SLA policy gives the targets the model "
                    + "predicts breaches of");
        }
        return PolicyFile.load(p);
    }
}
