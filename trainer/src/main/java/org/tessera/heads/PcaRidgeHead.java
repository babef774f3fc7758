package org.tessera.heads;

import java.util.Arrays;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * hist2RNA's "PCA first" variant of the aggregate head: standardise the features, keep the scores on the top
 * k principal components, and fit multi-output ridge on those scores. Fewer, decorrelated inputs help when
 * the embedding is wide and the cohort small.
 *
 * <p>Conventions match scikit-learn's {@code make_pipeline(StandardScaler(), PCA(k, svd_solver='full'),
 * Ridge(alpha))}: the scores are <em>not</em> re-standardised (so ridge shrinks weak components more than
 * strong ones, which is the point of the penalty here; {@link RidgeHead} on a score matrix would rescale
 * every component to unit variance and lose that). k is capped at min(rows, features). The penalty is
 * chosen by exact leave-one-out on the scores, with the components of all training rows (as {@code RidgeCV}
 * in that pipeline). The projection and the ridge coefficients are folded into one linear map on the
 * standardised features, so the result is an ordinary {@link RidgeModel}.
 */
public final class PcaRidgeHead {
    private PcaRidgeHead() {
    }

    /**
     * Fits ridge of every target on the top principal-component scores of {@code x}.
     *
     * @throws IllegalArgumentException if the row counts differ, there are fewer than 3 rows, or a feature
     *                                  value is not finite
     */
    public static RidgeModel fit(FeatureMatrix x, Targets y, PcaRidgeOptions options) {
        Objects.requireNonNull(options, "options");
        RidgeHead.requireFittable(x, y);
        int n = x.rows();
        int p = x.cols();
        int q = y.outputs();
        Standardization standardization = Standardization.fit(x);
        FeatureSvd pca = new FeatureSvd(standardization.apply(x));
        int k = Math.min(options.components(), pca.rank());
        DenseMatrix scores = DenseMatrix.zeros(ScalarType.Float64, n, k); // U_k S_k = Z V_k
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                scores.set(i, c, pca.u.get(i, c) * pca.s[c]);
            }
        }
        double[] intercepts = new double[q];
        for (int j = 0; j < q; j++) {
            intercepts[j] = Arrays.stream(y.column(j)).sum() / n;
        }
        DenseMatrix yc = DenseMatrix.zeros(ScalarType.Float64, n, q);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                yc.set(i, j, y.get(i, j) - intercepts[j]);
            }
        }
        RidgeSvd ridge = new RidgeSvd(scores, yc);
        double[] grid = options.ridge().lambdaArray();
        double[][] mse = new double[q][grid.length];
        double[][][] residuals = new double[grid.length][][];
        for (int l = 0; l < grid.length; l++) {
            residuals[l] = ridge.looResiduals(grid[l]);
            for (int j = 0; j < q; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += residuals[l][i][j] * residuals[l][i][j];
                }
                mse[j][l] = sum / n;
            }
        }
        int[] chosen = RidgeHead.choose(mse, options.ridge().perOutput());
        double[] lambdas = new double[q];
        double[][] looPredictions = new double[n][q];
        for (int j = 0; j < q; j++) {
            lambdas[j] = grid[chosen[j]];
            for (int i = 0; i < n; i++) {
                looPredictions[i][j] = y.get(i, j) - residuals[chosen[j]][i][j];
            }
        }
        DenseMatrix onScores = ridge.coefficients(lambdas); // k x q
        DenseMatrix loadings = DenseMatrix.zeros(ScalarType.Float64, k, p); // V_k'
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < p; f++) {
                loadings.set(c, f, pca.vt.get(c, f));
            }
        }
        LeaveOneOut loo = new LeaveOneOut(options.ridge().lambdas(), mse, looPredictions);
        return new RidgeModel(y.names(), standardization, loadings.tm(onScores), intercepts, lambdas, loo);
    }
}
