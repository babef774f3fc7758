package org.tessera.cli;

import java.util.concurrent.Callable;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "init", description = {"Create a feature store (or migrate an existing one to this version's schema).",
    "Safe to run again: nothing stored is touched."})
final class InitCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (FeatureStore s = FeatureStore.open(store.store)) {
            spec.commandLine().getOut().println("store ready: " + s.root());
        }
        return 0;
    }
}
