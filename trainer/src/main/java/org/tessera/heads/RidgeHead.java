package org.tessera.heads;

import java.util.Arrays;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * Multi-output ridge regression, the baseline head of expression prediction (as in hist2RNA-style
 * linear probes on frozen embeddings). Smile's {@code RidgeRegression} fits one output at a time and
 * solves again for every penalty; here all outputs share one SVD of the standardised features, and the
 * same SVD gives the exact leave-one-out error of every output at every penalty of the grid, so choosing
 * the penalty per gene costs no refitting.
 *
 * <p>Conventions, matching scikit-learn's {@code Ridge(alpha, fit_intercept=True)} / {@code RidgeCV(alphas,
 * alpha_per_target=True)} applied to {@code StandardScaler}-transformed features: features are centred and
 * divided by their population standard deviation (stored in the model); each output has its own
 * unpenalised intercept (its training mean); lambda multiplies the squared coefficient norm. Leave-one-out
 * uses the standardisation of all training rows (not re-estimated per left-out row), as RidgeCV does.
 */
public final class RidgeHead {
    private RidgeHead() {
    }

    /**
     * Fits ridge regression of every target on {@code x}.
     *
     * @throws IllegalArgumentException if the row counts differ, there are fewer than 3 rows, or a feature
     *                                  value is not finite
     */
    public static RidgeModel fit(FeatureMatrix x, Targets y, RidgeOptions options) {
        Objects.requireNonNull(options, "options");
        requireFittable(x, y);
        int n = x.rows();
        int q = y.outputs();
        Standardization standardization = Standardization.fit(x);
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
        RidgeSvd svd = new RidgeSvd(standardization.apply(x), yc);

        double[] grid = options.lambdaArray();
        double[][] mse = new double[q][grid.length];
        for (int l = 0; l < grid.length; l++) {
            double[][] e = svd.looResiduals(grid[l]);
            for (int j = 0; j < q; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += e[i][j] * e[i][j];
                }
                mse[j][l] = sum / n;
            }
        }
        int[] chosen = choose(mse, options.perOutput());
        double[] lambdas = new double[q];
        for (int j = 0; j < q; j++) {
            lambdas[j] = grid[chosen[j]];
        }
        double[][] looPredictions = looPredictions(svd, y, grid, chosen);
        LeaveOneOut loo = new LeaveOneOut(options.lambdas(), mse, looPredictions);
        return new RidgeModel(y.names(), standardization, svd.coefficients(lambdas), intercepts, lambdas, loo);
    }

    /** The checks every ridge fit makes on its inputs (also {@link PerGeneRidge}'s). */
    static void requireFittable(FeatureMatrix x, Targets y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int n = x.rows();
        if (y.rows() != n) {
            throw new IllegalArgumentException("feature matrix has " + n + " rows but targets have " + y.rows());
        }
        if (n < 3) {
            throw new IllegalArgumentException("ridge needs at least 3 rows to fit and leave one out, got " + n);
        }
        if (x.cols() == 0) {
            throw new IllegalArgumentException("feature matrix has no columns");
        }
    }

    /**
     * Index into the grid per output: argmin of its LOO error, or of the mean over outputs; first on ties.
     * Shared with {@link PcaRidgeHead}.
     */
    static int[] choose(double[][] mse, boolean perOutput) {
        int q = mse.length;
        int grid = mse[0].length;
        int[] chosen = new int[q];
        if (perOutput) {
            for (int j = 0; j < q; j++) {
                chosen[j] = argmin(mse[j]);
            }
        } else {
            double[] mean = new double[grid];
            for (double[] perLambda : mse) {
                for (int l = 0; l < grid; l++) {
                    mean[l] += perLambda[l] / q;
                }
            }
            Arrays.fill(chosen, argmin(mean));
        }
        return chosen;
    }

    /** First index of the smallest value: ties go to the earlier penalty. */
    static int argmin(double[] values) {
        int best = 0;
        for (int l = 1; l < values.length; l++) {
            if (values[l] < values[best]) {
                best = l;
            }
        }
        return best;
    }

    /** LOO predictions y - e at each output's chosen lambda, computing residuals once per distinct lambda. */
    private static double[][] looPredictions(RidgeSvd svd, Targets y, double[] grid, int[] chosen) {
        int n = y.rows();
        int q = y.outputs();
        double[][] out = new double[n][q];
        for (int l = 0; l < grid.length; l++) {
            double[][] e = null;
            for (int j = 0; j < q; j++) {
                if (chosen[j] != l) {
                    continue;
                }
                if (e == null) {
                    e = svd.looResiduals(grid[l]);
                }
                for (int i = 0; i < n; i++) {
                    out[i][j] = y.get(i, j) - e[i][j];
                }
            }
        }
        return out;
    }
}
