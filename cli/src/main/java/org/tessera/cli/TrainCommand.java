package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.heads.GeneMetric;
import org.tessera.train.AggregateRidge;
import org.tessera.train.Head;
import org.tessera.train.PerGeneRidgeHead;
import org.tessera.train.Training;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "train", description = {
    "Train a head on pooled slide features and evaluate it by patient-level cross-validation.",
    "Slides are pooled by the feature set (default: slide_mean, hist2RNA's mean embedding) and averaged per patient;",
    "the k-fold split is made from patients before any target is read and stored under --split-name, so every head",
    "of an experiment sees the same split. Per-gene metrics of the out-of-fold predictions (Pearson, Spearman with",
    "one-sided p-values, BH q-values, R2) go to the store's gene_results and to --out as TSV."},
        subcommands = {TrainCommand.Aggregate.class, TrainCommand.PerGene.class})
final class TrainCommand {

    /** Options every head shares. */
    static final class Common {
        @Mixin
        StoreOption store;

        @Option(names = "--features", defaultValue = "slide_mean", paramLabel = "NAME|FILE",
                description = "Named feature set (sql/feature-sets/NAME.sql) or a .sql file (default: ${DEFAULT-VALUE}).")
        String features;

        @Option(names = "--pooling", defaultValue = "mean", description = "mean, mean_std or max (default: ${DEFAULT-VALUE}).")
        String pooling;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Feature-set parameter, e.g. backbone=mobilenet_v2_imagenet.")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--targets", defaultValue = "SELECT patient_id, gene, value FROM expression",
                description = "Query returning (patient_id, gene, value) (default: ${DEFAULT-VALUE}).")
        String targets;

        @Option(names = "--split-name", defaultValue = "cv5", description = "Name of the stored split (default: ${DEFAULT-VALUE}).")
        String splitName;

        @Option(names = "--folds", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--lambdas", split = ",", defaultValue = "0.1,1,10,100,1000,10000,100000",
                description = "Penalty grid (default: ${DEFAULT-VALUE}).")
        double[] lambdas;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the per-gene results as TSV.")
        Path out;

        @Option(names = "--top", defaultValue = "10", description = "Genes shown in the summary (default: ${DEFAULT-VALUE}).")
        int top;

        FeatureSet featureSet() throws java.io.IOException {
            Pooling p = Pooling.valueOf(pooling.toUpperCase(java.util.Locale.ROOT));
            Path file = Path.of(features);
            return features.endsWith(".sql") || Files.isRegularFile(file) ? FeatureSet.fromFile(file, p) : FeatureSet.named(features, p);
        }

        int run(Head head, CommandSpec spec) throws Exception {
            PrintWriter print = spec.commandLine().getOut();
            try (FeatureStore s = FeatureStore.open(store.store)) {
                Training.Report r = Training.run(s, new Training.Options(featureSet(), params, targets, splitName, folds, seed, head));
                print.printf("run %d: %s on %d patients (%d slides) x %d features, %d genes, %d-fold split '%s' (%.1f s)%n", r.runId(),
                        head.name(), r.patients(), r.slides(), r.features(), r.genes(), folds, r.splitName(), r.seconds());
                if (r.patientsWithoutTargets() > 0 || r.genesIncomplete() > 0) {
                    print.printf("excluded: %d patients without targets, %d genes not measured for every patient%n",
                            r.patientsWithoutTargets(), r.genesIncomplete());
                }
                long significant = r.metrics().stream().filter(m -> m.spearmanQ() < 0.05).count();
                print.printf("%d of %d genes with Spearman q < 0.05 (one-sided, out-of-fold)%n", significant, r.genes());
                print.printf("%-12s %8s %10s %10s %8s%n", "gene", "rho", "q", "pearson", "R2");
                for (GeneMetric m : r.best(top)) {
                    print.printf("%-12s %8.3f %10.2e %10.3f %8.3f%n", m.gene(), m.spearmanRho(), m.spearmanQ(), m.pearsonR(), m.r2());
                }
                if (out != null) {
                    write(out, r.metrics());
                    print.println("wrote " + out);
                }
            }
            return 0;
        }

        private static void write(Path file, List<GeneMetric> metrics) throws java.io.IOException {
            Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp))) {
                w.println("gene\tpearson_r\tpearson_p\tpearson_q\tspearman_rho\tspearman_p\tspearman_q\tr2_pred");
                for (GeneMetric m : metrics) {
                    w.printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", m.gene(), m.pearsonR(), m.pearsonP(), m.pearsonQ(), m.spearmanRho(),
                            m.spearmanP(), m.spearmanQ(), m.r2());
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "aggregate",
            description = "hist2RNA: one multi-output ridge predicting all genes at once, one penalty chosen by leave-one-out.")
    static final class Aggregate implements Callable<Integer> {
        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return common.run(new AggregateRidge(common.lambdas), spec);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "per-gene",
            description = "EMO without the GPU-years: every gene its own ridge penalty (GCV), all genes from one SVD.")
    static final class PerGene implements Callable<Integer> {
        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return common.run(new PerGeneRidgeHead(common.lambdas), spec);
        }
    }
}
