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
import org.tessera.files.AtomicFiles;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.MlpOptions;
import org.tessera.train.AggregateRidge;
import org.tessera.train.MlpHead;
import org.tessera.train.PcaRidge;
import org.tessera.train.PerGeneElasticNet;
import org.tessera.train.GeneCall;
import org.tessera.train.Head;
import org.tessera.train.PerGeneRidgeHead;
import org.tessera.heads.tile.OodMetrics;
import org.tessera.heads.tile.SetMetrics;
import org.tessera.heads.tile.SplitResult;
import org.tessera.heads.tile.TileClassifierOptions;
import org.tessera.heads.tile.TileClassifierResult;
import org.tessera.stats.AucResult;
import org.tessera.train.TileClassifierRun;
import org.tessera.train.Training;
import org.tessera.train.UnitResult;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "train", description = {
    "Train a head on pooled slide features (or spot features: train spots) and evaluate it on held-out patients.",
    "Slides are pooled by the feature set (default: slide_mean, hist2RNA's mean embedding) and averaged per patient;",
    "the k-fold split is made from patients before any target is read and stored under --split-name, so every head",
    "of an experiment sees the same split. Per-gene metrics of the out-of-fold predictions (Pearson, Spearman with",
    "one-sided p-values, BH q-values, R2) go to the store's gene_results and to --out as TSV."},
        subcommands = {TrainCommand.Aggregate.class, TrainCommand.PerGene.class, TrainCommand.TileClassifierCmd.class,
            TileRegressionCommand.class, SpotTrainCommand.class})
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

        @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
                description = {"Patients held out as a test set (EMO): genes are selected on the out-of-fold predictions of the",
                    "rest (R2 > 0.2, BH q < 0.001), the head is refitted on all of the rest and each selected gene is confirmed",
                    "on the test set (Bonferroni over the selected genes). 0: no test set (default: ${DEFAULT-VALUE})."})
        double testFraction;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--lambdas", split = ",", defaultValue = "0.1,1,10,100,1000,10000,100000",
                description = "Penalty grid (default: ${DEFAULT-VALUE}).")
        double[] lambdas;

        @Option(names = "--bundle", paramLabel = "DIR", description = {"After evaluation, refit the head on the pool (all patients",
            "without a test set) and write it as a model bundle for 'tessera score' to DIR (must not exist)."})
        Path bundle;

        @Option(names = "--tiling", paramLabel = "ID", description = "The tiling of the bundle's embeddings, when the store has several.")
        String tiling;

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
                Training.Options options = new Training.Options(featureSet(), params, targets, splitName, folds, seed, head)
                        .withTestFraction(testFraction);
                Training.Bundled bundled = bundle == null ? null
                        : Training.runAndBundle(s, options, bundle, java.util.Optional.ofNullable(tiling));
                Training.Report r = bundled == null ? Training.run(s, options) : bundled.report();
                print.printf("run %d: %s on %d patients (%d slides) x %d features, %d genes, %d-fold split '%s' (%.1f s)%n", r.runId(),
                        head.name(), r.patients(), r.slides(), r.features(), r.genes(), folds, r.splitName(), r.seconds());
                if (r.testUnits() > 0) {
                    print.printf("held out: %d test patients; cross-validation on the other %d%n", r.testUnits(),
                            r.patients() - r.testUnits());
                }
                if (r.patientsWithoutTargets() > 0 || r.genesIncomplete() > 0) {
                    print.printf("excluded: %d patients without targets, %d genes not measured for every patient%n",
                            r.patientsWithoutTargets(), r.genesIncomplete());
                }
                long significant = r.metrics().stream().filter(m -> m.spearmanQ() < 0.05).count();
                print.printf("%d of %d genes with Spearman q < 0.05 (one-sided, out-of-fold)%n", significant, r.genes());
                print.printf("median per-patient Spearman across genes: %.3f (validation)%s%n",
                        r.medianUnitSpearman(UnitResult.VALIDATION), r.testUnits() > 0
                                ? String.format(java.util.Locale.ROOT, ", %.3f (test)", r.medianUnitSpearman(UnitResult.TEST)) : "");
                print.printf("selected %d genes (validation R2 > 0.2, q < 0.001)%s%n", r.selected(), r.testUnits() > 0
                        ? String.format(java.util.Locale.ROOT, ", confirmed on test %d (p < 0.05 / %d)", r.confirmed(), Math.max(1, r.selected()))
                        : "; no test set to confirm them");
                print.printf("%-12s %8s %10s %10s %8s%n", "gene", "rho", "q", "pearson", "R2");
                for (GeneMetric m : r.best(top)) {
                    print.printf("%-12s %8.3f %10.2e %10.3f %8.3f%n", m.gene(), m.spearmanRho(), m.spearmanQ(), m.pearsonR(), m.r2());
                }
                if (bundled != null) {
                    print.printf("wrote bundle %s (%s, id %s), refitted on %d patients%n", bundle, bundled.bundle().kind().label(),
                            bundled.bundleId(), r.patients() - r.testUnits());
                }
                if (out != null) {
                    write(out, r.metrics(), r.calls());
                    print.println("wrote " + out);
                }
            }
            return 0;
        }

        private static void write(Path file, List<GeneMetric> metrics, List<GeneCall> calls) throws java.io.IOException {
            AtomicFiles.write(file, tmp -> {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp))) {
                w.println("gene\tpearson_r\tpearson_p\tpearson_q\tspearman_rho\tspearman_p\tspearman_q\tr2_pred"
                        + "\tspearman_p_bonferroni\tspearman_p_holm\tselected\tconfirmed\ttest_spearman_rho\ttest_spearman_p\ttest_r2_pred");
                for (int j = 0; j < metrics.size(); j++) {
                    GeneMetric m = metrics.get(j);
                    GeneCall c = calls.get(j);
                    w.printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", m.gene(), m.pearsonR(), m.pearsonP(),
                            m.pearsonQ(), m.spearmanRho(), m.spearmanP(), m.spearmanQ(), m.r2(), c.spearmanBonferroni(), c.spearmanHolm(),
                            c.selected(), c.confirmed(), c.test().map(t -> "" + t.spearmanRho()).orElse(""),
                            c.test().map(t -> "" + t.spearmanP()).orElse(""), c.test().map(t -> "" + t.r2()).orElse(""));
                }
            }
            });
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "aggregate",
            description = {"hist2RNA: one multi-output regressor predicting all genes at once: ridge with one penalty chosen by",
                "leave-one-out (optionally on the top --pca K principal components), or a small MLP (--mlp)."})
    static final class Aggregate implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--pca", paramLabel = "K", description = "Project the standardised features on their top K principal components first.")
        Integer pca;

        @Option(names = "--mlp", description = "A small neural net (one ReLU hidden layer, Adam, early stopping) instead of ridge.")
        boolean mlp;

        @Option(names = "--hidden", defaultValue = "64", description = "Hidden units of --mlp (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (mlp && pca != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mlp and --pca are alternatives");
            }
            Head head = mlp ? new MlpHead(withHidden(MlpOptions.defaults(common.seed), hidden))
                    : pca != null ? new PcaRidge(pca, common.lambdas) : new AggregateRidge(common.lambdas);
            return common.run(head, spec);
        }

        private static MlpOptions withHidden(MlpOptions o, int hidden) {
            return new MlpOptions(hidden, o.weightDecay(), o.learningRate(), o.epochs(), o.batchSize(), o.validationFraction(),
                    o.patience(), o.seed());
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "per-gene",
            description = "EMO without the GPU-years: every gene its own ridge penalty (GCV), all genes from one SVD.")
    static final class PerGene implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--elastic-net", paramLabel = "L1_RATIO", description = {"Per-gene elastic net with this l1 ratio instead of",
            "ridge, each gene's alpha (from --lambdas) chosen by inner 5-fold cross-validation: for a short list of genes."})
        Double elasticNet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Head head = elasticNet != null ? new PerGeneElasticNet(common.lambdas, elasticNet, 5) : new PerGeneRidgeHead(common.lambdas);
            return common.run(head, spec);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "tile-classifier", description = {
        "PathoMCH: slides labelled high or low by the percentile of a gene's value (the trait), a tile-level logistic",
        "regression on the tiles of the feature set 'tiles', slides scored by the fraction of tiles called positive.",
        "Prints each split's and the ensemble's slide AUC (95%% bootstrap CI) on the test set and, where there is no",
        "binary truth, Spearman rho and above-median AUC on OOD-near and OOD-all slides. Slide scores and tile calls",
        "go to the store's tile_class_scores and tile_class_predictions."})
    static final class TileClassifierCmd implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Option(names = "--trait", required = true, paramLabel = "GENE", description = "The gene whose value per patient is the trait.")
        String trait;

        @Option(names = "--targets", defaultValue = "SELECT patient_id, gene, value FROM expression",
                description = "Query returning (patient_id, gene, value) (default: ${DEFAULT-VALUE}).")
        String targets;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "Parameter of the 'tiles' feature set: backbone=NAME (required), min_tissue=F (default 0.5).")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--test-fraction", defaultValue = "0.1", description = "Labelled patients held out (default: ${DEFAULT-VALUE}).")
        double testFraction;

        @Option(names = "--splits", defaultValue = "5", description = "Train/validation splits of the pool (default: ${DEFAULT-VALUE}).")
        int splits;

        @Option(names = "--ensemble", defaultValue = "3", description = "Best splits whose votes make the ensemble (default: ${DEFAULT-VALUE}).")
        int ensemble;

        @Option(names = "--bootstrap", defaultValue = "2000", description = "Resamples per AUC interval (default: ${DEFAULT-VALUE}).")
        int bootstrap;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of splits and bootstraps (default: ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter print = spec.commandLine().getOut();
            Map<String, String> parameters = new LinkedHashMap<>(params);
            parameters.putIfAbsent("min_tissue", "0.5");
            if (!parameters.containsKey("backbone")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--param backbone=NAME is required");
            }
            TileClassifierOptions d = TileClassifierOptions.defaults(seed);
            TileClassifierOptions options = new TileClassifierOptions(d.lowPercentile(), d.highPercentile(), d.nearWidth(), testFraction,
                    splits, d.validationFraction(), ensemble, d.threshold(), bootstrap, seed, d.logistic());
            try (FeatureStore s = FeatureStore.open(store.store)) {
                TileClassifierRun.Outcome o = TileClassifierRun.run(s, new TileClassifierRun.Options(parameters, targets, trait, options));
                TileClassifierResult r = o.result();
                print.printf("run %d: tile classifier for %s on %d slides (%d tiles) (%.1f s)%n", o.runId(), trait, o.slides(), o.tiles(),
                        o.seconds());
                if (o.slidesWithoutTrait() > 0) {
                    print.printf("excluded: %d slides whose patient has no %s value%n", o.slidesWithoutTrait(), trait);
                }
                print.printf("low: %s <= %.4g, high: %s >= %.4g; %d test slides%n", trait, r.labels().lowThreshold(), trait,
                        r.labels().highThreshold(), r.testSplit().test().size());
                print.printf("%-10s %8s  %-24s %-28s %-28s%n", "model", "val AUC", "test AUC [95% CI]", "OOD-near rho / AUC", "OOD-all rho / AUC");
                for (SplitResult sr : r.splits()) {
                    print.printf("%-10s %8.3f  %s%n", "split " + sr.index(), sr.validationAuc(), row(sr.metrics()));
                }
                print.printf("%-10s %8s  %s%n", "ensemble", "", row(r.ensembleMetrics()));
                print.printf("ensemble of splits %s; query: SELECT * FROM tile_class_scores WHERE run_id = %d%n", r.ensemble(), o.runId());
            }
            return 0;
        }

        private static String row(SetMetrics m) {
            return String.format(java.util.Locale.ROOT, "%-24s %-28s %-28s", auc(m.test()), ood(m.oodNear()), ood(m.oodAll()));
        }

        private static String auc(java.util.Optional<AucResult> a) {
            return a.map(x -> String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", x.auc(), x.lower(), x.upper())).orElse("n/a");
        }

        private static String ood(OodMetrics m) {
            return String.format(java.util.Locale.ROOT, "%s / %s (n=%d)",
                    m.spearman().map(c -> String.format(java.util.Locale.ROOT, "%.3f", c.estimate())).orElse("n/a"),
                    m.aboveMedianAuc().map(a -> String.format(java.util.Locale.ROOT, "%.3f", a.auc())).orElse("n/a"), m.slides());
        }
    }
}
