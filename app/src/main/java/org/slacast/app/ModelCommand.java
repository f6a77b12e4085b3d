package org.slacast.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What train, evaluate, score and report share: where tickets come from and which registry and model to use. */
abstract class ModelCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TicketSourceOptions source;

    @Mixin
    ModelSource models;

    /** @return the command's standard output */
    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
