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

    /** Judges bundles on the source's tickets at the default checkpoints, with the default label. */
    org.slacast.training.pipeline.TrainingPipeline.Result judge(java.util.List<ModelBundle> bundles,
                                                                TicketSourceOptions source) {
        return judge(bundles, source, null);
    }

    /**
     * Judges bundles on the source's tickets at the default checkpoints, with progress bars.
     *
     * @param label the label, or null for the default: given when there is an outcomes.csv
     */
    org.slacast.training.pipeline.TrainingPipeline.Result judge(java.util.List<ModelBundle> bundles,
                                                                TicketSourceOptions source,
                                                                org.slacast.training.label.LabelMode label) {
        BarProgress progress = new BarProgress(System.err);
        var r = org.slacast.training.pipeline.BundleEvaluation.run(bundles, input(source, label),
                org.slacast.core.feature.Checkpoints.DEFAULT, progress);
        progress.finish();
        return r;
    }

    /** The source's tickets with their policy and given outcomes, as training and evaluation read them. */
    org.slacast.training.pipeline.TrainingInput input(TicketSourceOptions source,
                                                      org.slacast.training.label.LabelMode label) {
        PolicySet policies = policies(source);
        var data = source.load(policies.data()); // the policy file says how to read its data
        return new org.slacast.training.pipeline.TrainingInput(data, policies, policyIdentity(source),
                source.given(data), label, source.describe());
    }

    PolicySet policies(TicketSourceOptions source) {
        return PolicyFile.load(policyFile(source));
    }

    /** @return the policy file's name and content hash, as bundles record it */
    org.slacast.core.policy.PolicyIdentity policyIdentity(TicketSourceOptions source) {
        return org.slacast.core.policy.PolicyIdentity.of(policyFile(source));
    }

    private Path policyFile(TicketSourceOptions source) {
        Path p = policy;
        if (p == null && source.dataDir() != null && Files.isRegularFile(source.dataDir().resolve("policy.yaml"))) {
            p = source.dataDir().resolve("policy.yaml");
        }
        if (p == null) {
            throw new BadInputException("give --policy FILE: the SLA policy gives the targets the model "
                    + "predicts breaches of");
        }
        return p;
    }
}
