package org.tessera.heads.tile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tessera.stats.Auc;

/**
 * Times {@link LogisticRegression} at the scale of a tile classifier (the target: 10^6 tiles x 768 features
 * in at most two minutes on two cores), on data generated in place so that the answer does not depend on
 * a store the user may not have.
 *
 * <p>The data: correlated like embeddings, feature j of a row being the row's latent factor (j mod 32) plus
 * half a unit of noise, all N(0, 1), so blocks of features share a factor and the design is far from
 * orthogonal (covariance condition number about 100 at 768 features); labels Bernoulli(sigmoid(0.5 x the
 * sum of the first 4 factors)), a weak signal as in tile labels inherited from slides. Everything is
 * generated straight into the one float array the fit reads (3 GB at 10^6 x 768, so the JVM needs -Xmx of
 * about 3.5 GB or more). Each chunk of 4096 rows has its own {@link SplittableRandom} seeded from (seed, chunk), so
 * the data do not depend on the thread count. The fit time includes standardisation; generation is timed
 * apart. Peak heap is the sum of each heap pool's peak use during the fit (an upper bound on the true peak,
 * pools peaking at different moments). Other processes on the same cores change every timing: the load
 * average is reported with the result.
 */
public final class TileLogisticBenchmark {
    private static final int GENERATION_CHUNK = 4096;
    private static final int FACTORS = 32;
    private static final int SIGNAL_FACTORS = 4;

    private TileLogisticBenchmark() {
    }

    /**
     * @param tiles             rows
     * @param features          columns
     * @param generateSeconds   time to fill the design and labels
     * @param fitSeconds        time of {@link LogisticRegression#fit}, standardisation included
     * @param iterations        L-BFGS iterations
     * @param converged         whether the default gradient tolerance was reached
     * @param trainingAuc       tile AUC of the fitted probabilities on the training tiles (a sanity check
     *                          that a signal was found: well above 1/2)
     * @param peakHeapBytes     see the class comment
     * @param maxHeapBytes      the JVM's heap limit
     * @param note              load average and cores
     */
    public record Result(int tiles, int features, double generateSeconds, double fitSeconds, int iterations, boolean converged,
            double trainingAuc, long peakHeapBytes, long maxHeapBytes, String note) {
        @Override
        public String toString() {
            return String.format("tile logistic regression, %d tiles x %d features (float design %d MB)%n"
                    + "  generate            %8.2f s%n"
                    + "  fit (L-BFGS)        %8.2f s, %d iterations%s%n"
                    + "  training tile AUC   %8.4f%n"
                    + "  peak heap %d MB of max %d MB%n  %s", tiles, features, (long) tiles * features * 4 >> 20, generateSeconds,
                    fitSeconds, iterations, converged ? "" : " (not converged)", trainingAuc, peakHeapBytes >> 20, maxHeapBytes >> 20,
                    note);
        }
    }

    /** Generates {@code tiles x features} from {@code seed}, fits with the default options, and reports. */
    public static Result run(int tiles, int features, long seed) {
        if (tiles < 2 || features < 1) {
            throw new IllegalArgumentException("need tiles >= 2 and features >= 1, got " + tiles + " and " + features);
        }
        long cells = (long) tiles * features;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(tiles + " x " + features + " = " + cells + " values exceed one Java array");
        }
        long start = System.nanoTime();
        float[] x = new float[(int) cells];
        boolean[] y = new boolean[tiles];
        generate(x, y, features, seed);
        double generate = seconds(start);
        TileEmbeddings design = TileEmbeddings.wrap(x, features);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        start = System.nanoTime();
        LogisticModel model = LogisticRegression.fit(design, y, LogisticOptions.defaults());
        double fit = seconds(start);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double auc = Auc.estimate(model.probabilities(design), y);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Result(tiles, features, generate, fit, model.iterations(), model.converged(), auc, peak,
                Runtime.getRuntime().maxMemory(), String.format("load average %.2f on %d cores", load,
                        Runtime.getRuntime().availableProcessors()));
    }

    private static void generate(float[] x, boolean[] y, int p, long seed) {
        int n = y.length;
        int chunks = (n + GENERATION_CHUNK - 1) / GENERATION_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + c);
            for (int i = c * GENERATION_CHUNK; i < Math.min(n, (c + 1) * GENERATION_CHUNK); i++) {
                double[] f = new double[FACTORS];
                double z = 0;
                for (int k = 0; k < FACTORS; k++) {
                    f[k] = random.nextGaussian();
                    z += k < SIGNAL_FACTORS ? 0.5 * f[k] : 0;
                }
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = (float) (f[j % FACTORS] + 0.5 * random.nextGaussian());
                }
                y[i] = random.nextDouble() < LogisticLoss.sigmoid(z);
            }
        });
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code tiles features seed}, each optional (defaults 1000000 768 42). */
    public static void main(String[] args) {
        long[] a = {1_000_000, 768, 42};
        for (int i = 0; i < Math.min(args.length, a.length); i++) {
            a[i] = Long.parseLong(args[i]);
        }
        System.out.println(run((int) a[0], (int) a[1], a[2]));
    }
}
