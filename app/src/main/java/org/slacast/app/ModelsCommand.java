package org.slacast.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slacast.models.BundleManifest;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slacast models list|show|promote}: the registry. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, inspect and promote the models in a registry.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Promote.class})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Creates the command. */
    public ModelsCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The registry option the subcommands share. */
    static final class RegistryOption {
        @Option(names = "--registry", paramLabel = "DIR", defaultValue = "registry",
                description = "Model registry directory (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path dir;
    }

    /** {@code slacast models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models, newest first.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        private RegistryOption registry;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var entries = new Registry(registry.dir).list();
            if (entries.isEmpty()) {
                out.printf("no models in %s; train one with 'slacast train'%n", registry.dir);
                return 0;
            }
            out.printf("%-44s %-10s %-20s %8s %8s %9s%n", "id", "role", "created", "ROC-AUC", "Brier", "threshold");
            for (Registry.Entry e : entries) {
                BundleManifest m = e.manifest();
                out.printf("%-44s %-10s %-20s %8.4f %8.4f %9.2f%n", e.id(), e.role(),
                        m.createdAt().toString().substring(0, 19), get(m.metrics(), "roc_auc"),
                        get(m.metrics(), "brier"), m.threshold());
            }
            return 0;
        }
    }

    /** {@code slacast models show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a model's manifest: provenance, parameters, calibration, threshold and metrics.")
    static final class Show implements Callable<Integer> {
        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        private RegistryOption registry;
        @Parameters(paramLabel = "ID", description = "The model id (default: the champion).", arity = "0..1")
        private String id;

        @Override
        public Integer call() throws Exception {
            Registry r = new Registry(registry.dir);
            ModelBundle b = id == null ? r.champion() : r.load(id);
            // The distributions are long and only for drift checks; leave them out of the display.
            BundleManifest shown = b.manifest().toBuilder().distributions(java.util.List.of()).build();
            var node = ModelBundle.json().valueToTree(shown);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("distributions");
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("schema")).remove("vocabularies");
            spec.commandLine().getOut().println(ModelBundle.json().writeValueAsString(node));
            return 0;
        }
    }

    /** {@code slacast models promote ID}. */
    @Command(name = "promote", mixinStandardHelpOptions = true, description = {
        "Make a model the champion. It must beat the current champion on the same test window at the checkpoints "
            + "it was chosen at (train --choose-at; higher ROC-AUC, Brier no worse), unless --force; with --require-savings it must also save money on its test window."})
    static final class Promote implements Callable<Integer> {
        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        private RegistryOption registry;
        @Parameters(paramLabel = "ID", description = "The model to promote.")
        private String id;
        @Option(names = "--force", description = "Promote even if it does not beat the champion.")
        private boolean force;
        @Option(names = "--require-savings", description = "Refuse a model whose net savings on its test window "
                + "(acting where the expected saving is positive) are not positive, even with --force.")
        private boolean requireSavings;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(new Registry(registry.dir).promote(id, force, requireSavings));
            return 0;
        }
    }

    private static double get(Map<String, Double> m, String k) {
        Double v = m == null ? null : m.get(k);
        return v == null ? Double.NaN : v;
    }
}
