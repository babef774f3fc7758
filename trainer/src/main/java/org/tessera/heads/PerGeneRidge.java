package org.tessera.heads;

import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;

/**
 * Ridge regression with a penalty chosen for each gene, genome-wide: the gene-specific tuning that
 * EMO-style expression predictors buy with a network per gene, here for all genes from one SVD of the
 * standardised features. After the SVD, a gene costs its coordinates U'y (one matrix product for a block
 * of genes), the criterion at every penalty (cheap for {@link PenaltyCriterion#GCV}, one product per
 * penalty for {@link PenaltyCriterion#LEAVE_ONE_OUT}), and two products for its coefficients and its
 * leave-one-out predictions at the chosen penalty. The products run in BLAS through Smile; genes are taken
 * in blocks ({@link PerGeneOptions#blockSize()}) so the working memory does not grow with the gene count.
 *
 * <p>Conventions are {@link RidgeHead}'s (scikit-learn's {@code RidgeCV(alphas, alpha_per_target=True)} on
 * {@code StandardScaler}-transformed features): population-sd standardisation, unpenalised intercept per
 * gene, leave-one-out with the standardisation of all rows. The leave-one-out predictions are those at each
 * gene's chosen penalty, which was chosen on the same rows, so they are slightly optimistic (as RidgeCV's
 * {@code cv_values_} at {@code alpha_}), and their correlations with y are biased negative for genes
 * without signal ({@link PerGeneModel#looMetrics}); an honest score, and any p-value, comes from fitting on
 * a {@link org.tessera.splits.Split}'s training side and predicting its held-out side.
 */
public final class PerGeneRidge {
    private PerGeneRidge() {
    }

    /**
     * Fits every gene of {@code y} on {@code x}, each with its own penalty from the grid.
     *
     * @throws IllegalArgumentException if the row counts differ, there are fewer than 3 rows, no features,
     *                                  or a feature value is not finite
     */
    public static PerGeneModel fit(FeatureMatrix x, Targets y, PerGeneOptions options) {
        Objects.requireNonNull(options, "options");
        RidgeHead.requireFittable(x, y);
        int n = x.rows();
        Standardization standardization = Standardization.fit(x);
        FeatureSvd svd = new FeatureSvd(standardization.apply(x));
        Penalties penalties = new Penalties(svd, options.lambdaArray());
        PerGeneModel.Builder out = new PerGeneModel.Builder(y.names(), standardization, n, options);
        for (int from = 0; from < y.outputs(); from += options.blockSize()) {
            int to = Math.min(y.outputs(), from + options.blockSize());
            fitBlock(svd, penalties, y, from, to, options.criterion(), out);
        }
        return out.build();
    }

    private static void fitBlock(FeatureSvd svd, Penalties penalties, Targets y, int from, int to, PenaltyCriterion criterion,
            PerGeneModel.Builder out) {
        int n = svd.n;
        int b = to - from;
        double[] means = new double[b];
        double[] yc = new double[n * b]; // column-major, gene by gene
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b; j++) {
                means[j] += y.get(i, from + j);
            }
        }
        for (int j = 0; j < b; j++) {
            means[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b; j++) {
                yc[j * n + i] = y.get(i, from + j) - means[j];
            }
        }
        double[] c = Dense.values(svd.u.tm(Dense.of(yc, n, b))); // U'y, rank x b
        double[][] scores = criterion == PenaltyCriterion.GCV ? penalties.gcv(c, yc, b) : penalties.leaveOneOut(c, yc, b);
        int[] chosen = new int[b];
        for (int j = 0; j < b; j++) {
            chosen[j] = RidgeHead.argmin(scores[j]);
        }
        DenseMatrix coefficients = svd.vt.tm(Dense.of(penalties.scaled(c, chosen, true), svd.rank(), b)); // p x b
        double[] fitted = Dense.values(svd.u.mm(Dense.of(penalties.scaled(c, chosen, false), svd.rank(), b)));
        double[] loo = new double[n * b];
        for (int j = 0; j < b; j++) {
            double[] h = penalties.hat[chosen[j]];
            for (int i = 0; i < n; i++) {
                int at = j * n + i;
                loo[at] = means[j] + yc[at] - (yc[at] - fitted[at]) / (1.0 - h[i]);
            }
        }
        out.add(from, means, Dense.values(coefficients), chosen, scores, loo);
    }
}
