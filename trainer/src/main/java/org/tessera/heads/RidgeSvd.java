package org.tessera.heads;

import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * Ridge regression through the thin SVD Z = U S V' of the centred, standardised features ({@link FeatureSvd}):
 * for any lambda, the coefficients are V diag(s / (s^2 + lambda)) U'y and the fitted values
 * U diag(s^2 / (s^2 + lambda)) U'y, so after one SVD and one product U'Y every lambda and every output costs
 * only small matrix products; the hat matrix's diagonal gives the exact leave-one-out residuals
 * e_i / (1 - h_ii).
 */
final class RidgeSvd {
    private final int n;
    private final int q;
    private final FeatureSvd svd;
    private final DenseMatrix uty;
    private final DenseMatrix yc;

    /**
     * @param z  centred (standardised) features, n x p; overwritten by the decomposition
     * @param yc centred targets, n x q
     */
    RidgeSvd(DenseMatrix z, DenseMatrix yc) {
        this.n = z.nrow();
        this.q = yc.ncol();
        this.svd = new FeatureSvd(z);
        this.yc = yc;
        this.uty = svd.u.tm(yc);
    }

    /** Leave-one-out residuals of every output at {@code lambda}, n x q. */
    double[][] looResiduals(double lambda) {
        int r = svd.rank();
        double[] shrink = svd.shrink(lambda);
        DenseMatrix scaled = DenseMatrix.zeros(ScalarType.Float64, r, q);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < r; k++) {
                scaled.set(k, j, shrink[k] * uty.get(k, j));
            }
        }
        DenseMatrix fitted = svd.u.mm(scaled);
        double[] h = svd.hatDiagonal(shrink);
        double[][] residuals = new double[n][q];
        for (int i = 0; i < n; i++) {
            double denominator = 1.0 - h[i];
            for (int j = 0; j < q; j++) {
                residuals[i][j] = (yc.get(i, j) - fitted.get(i, j)) / denominator;
            }
        }
        return residuals;
    }

    /** Coefficients on the standardised features, p x q, output j using {@code lambdas[j]}. */
    DenseMatrix coefficients(double[] lambdas) {
        int r = svd.rank();
        double[] s = svd.s;
        DenseMatrix m = DenseMatrix.zeros(ScalarType.Float64, r, q);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < r; k++) {
                m.set(k, j, s[k] / (s[k] * s[k] + lambdas[j]) * uty.get(k, j));
            }
        }
        return svd.vt.tm(m);
    }
}
