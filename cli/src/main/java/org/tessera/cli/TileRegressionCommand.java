package org.tessera.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.heads.GeneMetric;
import org.tessera.store.FeatureStore;
import org.tessera.train.TileRegressionRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "tile-regression", description = {
    "EMO's tile-level model: every tile inherits its patient's expression, a ridge is fitted on the tiles of the training",
    "slides (patient-level k-fold, stored split), and a held-out slide's prediction is the mean of its tiles' predictions.",
    "Per-gene metrics of the out-of-fold slide predictions go to gene_results; every tile's out-of-fold prediction goes",
    "to tile_predictions (run_id, slide_id, tile_index, gene, predicted) for maps."})
final class TileRegressionCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Parameter of the 'tiles' feature set: backbone=NAME (required), min_tissue=F (default 0.5).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--targets", defaultValue = "SELECT patient_id, gene, value FROM expression",
            description = "Query returning (patient_id, gene, value) (default: ${DEFAULT-VALUE}).")
    String targets;

    @Option(names = "--split-name", defaultValue = "tiles-cv5", description = "Name of the stored split (default: ${DEFAULT-VALUE}).")
    String splitName;

    @Option(names = "--folds", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lambdas", split = ",", defaultValue = "0.1,1,10,100,1000,10000,100000",
            description = "Penalty grid (default: ${DEFAULT-VALUE}).")
    double[] lambdas;

    @Option(names = "--top", defaultValue = "10", description = "Genes shown in the summary (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!params.containsKey("backbone")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--param backbone=NAME is required");
        }
        PrintWriter print = spec.commandLine().getOut();
        try (FeatureStore s = FeatureStore.open(store.store)) {
            TileRegressionRun.Report r = TileRegressionRun.run(s, new TileRegressionRun.Options(params, targets, splitName, folds, seed, lambdas));
            long significant = r.metrics().stream().filter(m -> m.spearmanQ() < 0.05).count();
            print.printf("run %d: tile-regression on %d slides (%d tiles), %d genes, %d-fold split '%s' (%.1f s)%n", r.runId(), r.slides(),
                    r.tiles(), r.genes(), folds, splitName, r.seconds());
            print.printf("%d of %d genes with Spearman q < 0.05 (one-sided, out-of-fold slides); %d tile predictions stored%n",
                    significant, r.genes(), r.tilePredictions());
            print.printf("%-12s %8s %10s %8s%n", "gene", "rho", "q", "R2");
            for (GeneMetric m : r.best(top)) {
                print.printf("%-12s %8.3f %10.2e %8.3f%n", m.gene(), m.spearmanRho(), m.spearmanQ(), m.r2());
            }
        }
        return 0;
    }
}
