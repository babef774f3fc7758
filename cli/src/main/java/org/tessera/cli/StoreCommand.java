package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tessera.store.FeatureStore;
import org.tessera.store.StoreCounts;
import org.tessera.store.StoreMerge;
import org.tessera.store.StoreVerify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "store", description = "Merge store fragments extracted on many machines, and check a store's files.",
        subcommands = {StoreCommand.Merge.class, StoreCommand.Verify.class})
final class StoreCommand {

    @Command(mixinStandardHelpOptions = true, name = "merge", description = {
        "Merge store fragments (from 'tessera extract --shard I/N --store FRAGMENT') into a main store.",
        "",
        "Fragments are read, never changed. Slides, tilings, tile grids and embedding sets are keyed by",
        "content: a key the main store has is skipped when its content is equal and refused when not (the",
        "fragment is then not merged at all, and the message names both stores). Extraction runs get new",
        "ids; run_origins says where each came from. Each set's Parquet folder is hard-linked (copied",
        "across file systems) into the main store and moved into place atomically before its row is",
        "written, so a merge that is killed can simply be run again. Merging a fragment twice changes",
        "nothing. A backbone whose name the main store gives to other weights becomes name@<sha256 prefix>.",
        "Fragments holding targets, training results or spatial imports the main store lacks are refused:",
        "those belong in the main store. One line per fragment (TSV), failures at the end (exit code 1).",
        "Check the result with 'tessera store verify'; then the fragments can be deleted."},
        footer = {"", "Examples:", "  tessera store merge frag-0 frag-1 frag-2 --into main", "  tessera store merge fragments/* --into main"})
    static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FRAGMENT", description = "Fragment store directories.")
        List<Path> fragments;

        @Option(names = "--into", required = true, paramLabel = "MAIN", description = "The main store (created if missing).")
        Path into;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (FeatureStore main = FeatureStore.open(into)) {
                out.println("fragment\tsets_added\tsets_present\truns_added\ttiles_added\trenamed_backbones");
                List<StoreMerge.Failure> failures = new StoreMerge(main).mergeAll(fragments, r -> {
                    out.printf("%s\t%d\t%d\t%d\t%d\t%s%n", r.fragment(), r.setsAdded(), r.setsPresent(), r.runsAdded(), r.tilesAdded(),
                            String.join(",", r.renamedBackbones()));
                    out.flush();
                });
                out.println("main store " + main.root() + ": " + StoreCounts.of(main));
                PrintWriter err = spec.commandLine().getErr();
                if (failures.isEmpty()) {
                    return 0;
                }
                err.printf("%d of %d fragments not merged:%n", failures.size(), fragments.size());
                failures.forEach(f -> err.printf("  %s: %s%n", f.fragment(), f.error()));
                err.flush();
                return 1;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "verify", description = {
        "Check that a store's catalogue and files agree, opening it read-only (nothing is repaired).",
        "",
        "Every embedding set row must have its folder under embeddings/ with Parquet files holding the",
        "recorded number of rows (read from the file footers); every folder must have its row (an orphan",
        "is what a killed run leaves before the store is next opened for writing, which removes it); every",
        "tile grid must have its recorded tiles. Problems are printed as TSV (kind, path, detail) with",
        "exit code 1; a clean store prints its counts and exits 0."},
        footer = {"", "Example:", "  tessera store verify --store main"})
    static final class Verify implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (FeatureStore s = FeatureStore.openReadOnly(store.store)) {
                StoreVerify.Report r = new StoreVerify(s).run();
                if (!r.ok()) {
                    out.println("kind\tpath\tdetail");
                    r.problems().forEach(p -> out.println(p.kind() + "\t" + p.path() + "\t" + p.detail()));
                }
                out.printf("%s: %d embedding sets (%d rows in their files), %d tile grids checked; %d problems%n", s.root(), r.sets(),
                        r.rows(), r.grids(), r.problems().size());
                out.println(StoreCounts.of(s));
                return r.ok() ? 0 : 1;
            }
        }
    }
}
