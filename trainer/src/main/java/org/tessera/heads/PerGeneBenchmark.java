package org.tessera.heads;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tessera.featureset.FeatureMatrix;

/**
 * Times {@link PerGeneRidge} genome-wide on a synthetic cohort (the question is "how long for 20,000 genes",
 * and the answer must not depend on data the user may not have), and the same matrices through
 * scikit-learn's {@code RidgeCV(alphas, alpha_per_target=True)} in the same run ({@link SklearnRidgeCv}).
 *
 * <p>The cohort: features are 32 latent factors mixed into {@code features} dimensions plus noise
 * (embeddings are low-rank-ish); a tenth of the genes are linear in 5 features plus noise, the rest noise.
 * Timings include standardisation; data generation is excluded. Peak heap is the largest heap use seen by
 * a sampler every 5 ms during the fits and the metrics: live data (the inputs, 160 MB of targets at
 * 20,000 x 1,000, and the model) plus garbage not yet collected, so it depends on {@code -Xmx}; the limit
 * the run succeeded under is the bound that matters. The machine's load average is reported, since other
 * processes sharing the cores change every timing (both Tessera's and scikit-learn's BLAS threads).
 */
public final class PerGeneBenchmark {
    private PerGeneBenchmark() {
    }

    /**
     * @param gcvSeconds       fit with GCV choosing each gene's penalty (the default criterion)
     * @param looSeconds       fit with exact leave-one-out (the criterion scikit-learn's RidgeCV uses)
     * @param metricsSeconds   Pearson, Spearman, R^2 and BH over all genes of the leave-one-out predictions
     * @param peakHeapBytes    see the class comment
     * @param maxHeapBytes     the JVM's heap limit
     * @param sklearnSeconds   scikit-learn's StandardScaler + RidgeCV fit, NaN when it could not run
     * @param sklearnAgreement fraction of genes for which RidgeCV's alpha_ equals the leave-one-out fit's penalty
     * @param note             what ran, or why scikit-learn did not
     */
    public record Result(int genes, int slides, int features, int lambdas, double gcvSeconds, double looSeconds,
            double metricsSeconds, long peakHeapBytes, long maxHeapBytes, double sklearnSeconds, double sklearnAgreement, String note) {
        /** Tessera's exact leave-one-out fit over scikit-learn's: below 1 means Tessera is faster. */
        public double ratio() {
            return looSeconds / sklearnSeconds;
        }

        @Override
        public String toString() {
            return String.format("per-gene ridge, %d genes x %d slides x %d features, %d lambdas%n"
                    + "  tessera GCV fit            %8.2f s%n"
                    + "  tessera exact LOO fit      %8.2f s%n"
                    + "  tessera metrics (LOO)      %8.2f s%n"
                    + "  scikit-learn RidgeCV (LOO) %8.2f s%n"
                    + "  ratio tessera LOO / sklearn %7.3f   (same alpha for %.4f of genes)%n"
                    + "  peak heap %d MB of max %d MB%n  %s", genes, slides, features, lambdas, gcvSeconds, looSeconds,
                    metricsSeconds, sklearnSeconds, ratio(), sklearnAgreement, peakHeapBytes >> 20, maxHeapBytes >> 20, note);
        }
    }

    /** Generates the cohort from {@code seed}, times both criteria and scikit-learn, and returns the numbers. */
    public static Result run(int genes, int slides, int features, int lambdas, long seed) {
        if (genes < 1 || slides < 3 || features < 1 || lambdas < 2) {
            throw new IllegalArgumentException("need genes >= 1, slides >= 3, features >= 1, lambdas >= 2; got " + genes + ", "
                    + slides + ", " + features + ", " + lambdas);
        }
        FeatureMatrix x = features(slides, features, new Random(seed));
        Targets y = targets(x, genes, new Random(seed + 1));
        double[] grid = PerGeneOptions.logGrid(-2, 4, lambdas);
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        PerGeneRidge.fit(x, y, PerGeneOptions.gcv(grid));
        double gcv = seconds(start);
        start = System.nanoTime();
        PerGeneModel loo = PerGeneRidge.fit(x, y, PerGeneOptions.leaveOneOut(grid));
        double looSeconds = seconds(start);
        start = System.nanoTime();
        loo.looMetrics(y);
        double metrics = seconds(start);
        long peak = heap.stop();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        SklearnRidgeCv.Outcome sklearn = SklearnRidgeCv.time(x, y, grid);
        double agreement = Double.NaN;
        if (sklearn.alphas() != null) {
            double[] ours = loo.lambdas();
            int same = 0;
            for (int j = 0; j < genes; j++) {
                same += Math.abs(ours[j] - sklearn.alphas()[j]) <= 1e-9 * ours[j] ? 1 : 0;
            }
            agreement = (double) same / genes;
        }
        return new Result(genes, slides, features, lambdas, gcv, looSeconds, metrics, peak, Runtime.getRuntime().maxMemory(),
                sklearn.seconds(), agreement, sklearn.note() + String.format("; load average %.2f on %d cores", load,
                        Runtime.getRuntime().availableProcessors()));
    }

    static FeatureMatrix features(int n, int p, Random r) {
        int factors = Math.min(32, p);
        double[][] loadings = new double[factors][p];
        for (double[] row : loadings) {
            for (int c = 0; c < p; c++) {
                row[c] = r.nextGaussian();
            }
        }
        double[][] x = new double[n][p];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("slide" + i);
            double[] f = new double[factors];
            for (int k = 0; k < factors; k++) {
                f[k] = r.nextGaussian();
            }
            for (int c = 0; c < p; c++) {
                double v = 0.5 * r.nextGaussian();
                for (int k = 0; k < factors; k++) {
                    v += f[k] * loadings[k][c];
                }
                x[i][c] = v;
            }
        }
        return FeatureMatrix.of(ids, x);
    }

    static Targets targets(FeatureMatrix x, int genes, Random r) {
        int n = x.rows();
        double[][] y = new double[n][genes];
        List<String> names = new ArrayList<>(genes);
        for (int g = 0; g < genes; g++) {
            names.add("gene" + g);
            int[] uses = g % 10 == 0 ? r.ints(5, 0, x.cols()).toArray() : new int[0];
            for (int i = 0; i < n; i++) {
                double v = 8 + r.nextGaussian();
                for (int c : uses) {
                    v += 0.1 * x.get(i, c);
                }
                y[i][g] = v;
            }
        }
        return new Targets(names, y);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code genes slides features lambdas seed}, each optional (defaults 20000 1000 1536 10 42). */
    public static void main(String[] args) {
        long[] a = {20_000, 1_000, 1_536, 10, 42};
        for (int i = 0; i < Math.min(args.length, a.length); i++) {
            a[i] = Long.parseLong(args[i]);
        }
        System.out.println(run((int) a[0], (int) a[1], (int) a[2], (int) a[3], a[4]));
    }
}
