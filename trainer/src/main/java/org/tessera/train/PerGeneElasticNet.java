package org.tessera.train;

import java.util.stream.IntStream;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.ElasticNet;
import org.tessera.heads.Targets;

/**
 * Per-gene elastic net for a short list of genes: features standardised on the training rows, each gene's
 * penalty chosen from {@code alphas} by inner {@code innerFolds}-fold cross-validation (rows dealt to folds in
 * order, so the choice is deterministic), then refitted on all training rows. Sparse, and slower than the
 * ridge heads: meant for tens of genes, not the transcriptome.
 */
public record PerGeneElasticNet(double[] alphas, double l1Ratio, int innerFolds) implements Head {
    /** scikit-learn's default tolerance. */
    private static final double TOLERANCE = 1e-4;
    private static final int SWEEPS = 1_000;

    public PerGeneElasticNet {
        alphas = alphas.clone();
        if (alphas.length == 0 || java.util.Arrays.stream(alphas).anyMatch(a -> !(a > 0))) {
            throw new IllegalArgumentException("elastic net needs a non-empty grid of positive alphas");
        }
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1 ratio must be in [0,1], got " + l1Ratio);
        }
        if (innerFolds < 2) {
            throw new IllegalArgumentException("inner cross-validation needs at least 2 folds, got " + innerFolds);
        }
    }

    @Override
    public String name() {
        return "per-gene-elastic-net";
    }

    @Override
    public double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test) {
        int n = train.rows();
        int p = train.cols();
        double[][] scaling = scaling(train);
        double[] x = standardised(train, scaling);
        double[] xTest = standardised(test, scaling);
        double[][] out = new double[test.rows()][y.outputs()];
        IntStream.range(0, y.outputs()).parallel().forEach(g -> {
            double[] column = y.column(g);
            double alpha = choose(x, n, p, column);
            double[] w = ElasticNet.fit(x, n, p, column, alpha, l1Ratio, TOLERANCE, SWEEPS);
            for (int i = 0; i < test.rows(); i++) {
                double v = w[p];
                for (int j = 0; j < p; j++) {
                    v += w[j] * xTest[i * p + j];
                }
                out[i][g] = v;
            }
        });
        return out;
    }

    /** The alpha with the least inner cross-validated squared error (ties: the larger alpha, the sparser model). */
    private double choose(double[] x, int n, int p, double[] y) {
        double best = Double.POSITIVE_INFINITY;
        double chosen = alphas[0];
        double[] sorted = alphas.clone();
        java.util.Arrays.sort(sorted);
        for (int a = sorted.length - 1; a >= 0; a--) {
            double error = 0;
            for (int f = 0; f < innerFolds; f++) {
                int fold = f;
                int[] fit = IntStream.range(0, n).filter(i -> i % innerFolds != fold).toArray();
                int[] held = IntStream.range(0, n).filter(i -> i % innerFolds == fold).toArray();
                double[] w = ElasticNet.fit(rows(x, p, fit), fit.length, p, pick(y, fit), sorted[a], l1Ratio, TOLERANCE, SWEEPS);
                for (int i : held) {
                    double v = w[p];
                    for (int j = 0; j < p; j++) {
                        v += w[j] * x[i * p + j];
                    }
                    error += (y[i] - v) * (y[i] - v);
                }
            }
            if (error < best) {
                best = error;
                chosen = sorted[a];
            }
        }
        return chosen;
    }

    private static double[][] scaling(FeatureMatrix m) {
        double[] mean = new double[m.cols()];
        double[] sd = new double[m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                mean[j] += m.get(i, j) / m.rows();
            }
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double d = m.get(i, j) - mean[j];
                sd[j] += d * d / m.rows();
            }
        }
        for (int j = 0; j < sd.length; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1; // a constant feature stays constant (0) instead of dividing by 0
        }
        return new double[][] {mean, sd};
    }

    private static double[] standardised(FeatureMatrix m, double[][] scaling) {
        double[] out = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i * m.cols() + j] = (m.get(i, j) - scaling[0][j]) / scaling[1][j];
            }
        }
        return out;
    }

    private static double[] rows(double[] x, int p, int[] rows) {
        double[] out = new double[rows.length * p];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(x, rows[k] * p, out, k * p, p);
        }
        return out;
    }

    private static double[] pick(double[] y, int[] rows) {
        return IntStream.of(rows).mapToDouble(i -> y[i]).toArray();
    }
}
