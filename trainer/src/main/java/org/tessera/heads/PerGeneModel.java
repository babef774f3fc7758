package org.tessera.heads;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;

/**
 * What {@link PerGeneRidge#fit} returns: per gene its penalty, its criterion over the grid, its coefficients
 * and intercept, and its leave-one-out predictions for every training row. Immutable and serialisable.
 *
 * <p>Storage. Coefficients are kept as {@code float} (20,000 genes x 1,536 features: 123 MB instead of 245),
 * since single precision (relative 6e-8) is far below any statistical error of a fitted coefficient; they
 * are accumulated in double and rounded once. Leave-one-out predictions stay double (20,000 x 1,000: 160 MB),
 * being the numbers genes are scored on. Both are stored gene by gene, so one gene's values are contiguous.
 */
public final class PerGeneModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PREDICT_BLOCK = 2_000;

    private final List<String> genes;
    private final Standardization standardization;
    private final int p;
    private final int n;
    private final PenaltyCriterion criterion;
    private final List<Double> grid;
    private final float[] coefficients; // gene-major, p per gene, on the standardised features
    private final double[] intercepts;
    private final double[] lambdas;
    private final double[] scores;      // gene-major, one per grid penalty
    private final double[] loo;         // gene-major, n per gene

    private PerGeneModel(Builder b) {
        this.genes = b.genes;
        this.standardization = b.standardization;
        this.p = standardization.dimension();
        this.n = b.n;
        this.criterion = b.options.criterion();
        this.grid = b.options.lambdas();
        this.coefficients = b.coefficients;
        this.intercepts = b.intercepts;
        this.lambdas = b.lambdas;
        this.scores = b.scores;
        this.loo = b.loo;
    }

    public List<String> genes() {
        return genes;
    }

    /** The number of features the model takes. */
    public int dimension() {
        return p;
    }

    /** The number of training rows (the length of each gene's leave-one-out predictions). */
    public int trainingRows() {
        return n;
    }

    public PenaltyCriterion criterion() {
        return criterion;
    }

    /** The penalties each gene chose from. */
    public List<Double> grid() {
        return grid;
    }

    /** The penalty each gene chose. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** One gene's criterion (leave-one-out MSE or GCV) at each penalty of {@link #grid()}. */
    public double[] scores(int gene) {
        Objects.checkIndex(gene, genes.size());
        return Arrays.copyOfRange(scores, gene * grid.size(), (gene + 1) * grid.size());
    }

    /** One gene's coefficients on the <em>standardised</em> features (scikit-learn's {@code coef_[j]}). */
    public double[] coefficients(int gene) {
        Objects.checkIndex(gene, genes.size());
        double[] c = new double[p];
        for (int k = 0; k < p; k++) {
            c[k] = coefficients[gene * p + k];
        }
        return c;
    }

    /** One gene's coefficients on the features as given: the standardised ones divided by each feature's scale. */
    public double[] originalCoefficients(int gene) {
        double[] c = coefficients(gene);
        double[] scale = standardization.scale();
        for (int k = 0; k < p; k++) {
            c[k] /= scale[k];
        }
        return c;
    }

    /** One gene's intercept on the features as given: its mean minus the original coefficients times the feature means. */
    public double originalIntercept(int gene) {
        double[] c = originalCoefficients(gene);
        double[] mean = standardization.mean();
        double b = intercepts[gene];
        for (int k = 0; k < p; k++) {
            b -= c[k] * mean[k];
        }
        return b;
    }

    /** Per-gene intercepts on the standardised features: each gene's training mean. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** One gene's leave-one-out predictions, one per training row, at its chosen penalty. */
    public double[] looPredictions(int gene) {
        Objects.checkIndex(gene, genes.size());
        return Arrays.copyOfRange(loo, gene * n, (gene + 1) * n);
    }

    /**
     * Per-gene agreement of the leave-one-out predictions with the targets the model was fitted on
     * ({@link GeneMetrics}): descriptive only. Their p-values are <em>not</em> valid tests: a gene with no
     * signal is shrunk to its leave-one-out mean, (sum - y_i) / (n - 1), which is perfectly anti-correlated
     * with y, so null genes come out with negative correlations that a two-sided test calls significant
     * (about half of 900 null genes at q = 0.1 on a 300-row synthetic cohort). Significance comes from
     * predictions of held-out patients ({@link org.tessera.splits.Split}) scored with
     * {@link GeneMetrics#of(Targets, double[][])}.
     *
     * @throws IllegalArgumentException if {@code y} is not shaped as the training targets
     */
    public List<GeneMetric> looMetrics(Targets y) {
        if (y.rows() != n || !y.names().equals(genes)) {
            throw new IllegalArgumentException("targets " + y + " are not the " + n + " x " + genes.size() + " the model was fitted on");
        }
        return GeneMetrics.of(genes, y::column, this::looPredictions);
    }

    /**
     * Predictions for every row of {@code x}, rows x genes in the order of {@link #genes()}.
     *
     * @throws IllegalArgumentException if {@code x} has a different number of features than the training matrix
     */
    public double[][] predict(FeatureMatrix x) {
        Objects.requireNonNull(x, "x");
        DenseMatrix z = standardization.apply(x);
        int m = x.rows();
        int q = genes.size();
        double[][] out = new double[m][q];
        for (int from = 0; from < q; from += PREDICT_BLOCK) {
            int b = Math.min(q, from + PREDICT_BLOCK) - from;
            double[] block = new double[p * b];
            for (int k = 0; k < block.length; k++) {
                block[k] = coefficients[from * p + k];
            }
            double[] product = Dense.values(z.mm(Dense.of(block, p, b)));
            for (int j = 0; j < b; j++) {
                for (int i = 0; i < m; i++) {
                    out[i][from + j] = intercepts[from + j] + product[j * m + i];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "PerGeneModel[" + p + " features -> " + genes.size() + " genes, " + criterion + " over " + grid.size() + " penalties]";
    }

    /** Collects the blocks of a fit; arrays are filled in place and handed to the model without copies. */
    static final class Builder {
        private final List<String> genes;
        private final Standardization standardization;
        private final int n;
        private final PerGeneOptions options;
        private final float[] coefficients;
        private final double[] intercepts;
        private final double[] lambdas;
        private final double[] scores;
        private final double[] loo;

        Builder(List<String> genes, Standardization standardization, int n, PerGeneOptions options) {
            this.genes = List.copyOf(genes);
            this.standardization = standardization;
            this.n = n;
            this.options = options;
            int q = genes.size();
            this.coefficients = new float[Math.multiplyExact(q, standardization.dimension())];
            this.intercepts = new double[q];
            this.lambdas = new double[q];
            this.scores = new double[Math.multiplyExact(q, options.lambdas().size())];
            this.loo = new double[Math.multiplyExact(q, n)];
        }

        /** Genes {@code from .. from + means.length}: coefficients p x b and loo n x b, column-major. */
        void add(int from, double[] means, double[] blockCoefficients, int[] chosen, double[][] blockScores, double[] blockLoo) {
            int p = standardization.dimension();
            int grid = options.lambdas().size();
            for (int k = 0; k < blockCoefficients.length; k++) {
                coefficients[from * p + k] = (float) blockCoefficients[k];
            }
            System.arraycopy(means, 0, intercepts, from, means.length);
            System.arraycopy(blockLoo, 0, loo, from * n, blockLoo.length);
            for (int j = 0; j < means.length; j++) {
                lambdas[from + j] = options.lambdas().get(chosen[j]);
                System.arraycopy(blockScores[j], 0, scores, (from + j) * grid, grid);
            }
        }

        PerGeneModel build() {
            return new PerGeneModel(this);
        }
    }
}
