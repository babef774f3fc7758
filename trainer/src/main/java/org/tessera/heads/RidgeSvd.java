package org.tessera.heads;

import smile.tensor.DenseMatrix;
import smile.tensor.SVD;
import smile.tensor.ScalarType;

/**
 * Ridge regression through the thin SVD Z = U S V' of the centred, standardised features: for any lambda,
 * the coefficients are V diag(s / (s^2 + lambda)) U'y and the fitted values U diag(s^2 / (s^2 + lambda))
 * U'y, so after one SVD (LAPACK, through Smile) and one product U'Y every lambda and every output costs
 * only small matrix products. The hat matrix of the fit with its unpenalised intercept is
 * 11'/n + U diag(s^2 / (s^2 + lambda)) U' (Z is centred, so the intercept's column is orthogonal to U),
 * whose diagonal gives the exact leave-one-out residuals e_i / (1 - h_ii).
 */
final class RidgeSvd {
    private final int n;
    private final int q;
    private final double[] s;
    private final DenseMatrix u;
    private final DenseMatrix vt;
    private final DenseMatrix uty;
    private final DenseMatrix yc;

    /**
     * @param z  centred (standardised) features, n x p; overwritten by the decomposition
     * @param yc centred targets, n x q
     */
    RidgeSvd(DenseMatrix z, DenseMatrix yc) {
        this.n = z.nrow();
        this.q = yc.ncol();
        SVD svd = z.svd(true); // thin: U is n x r, Vt is r x p, r = min(n, p)
        this.s = new double[svd.s().size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = svd.s().get(k);
        }
        this.u = svd.U();
        this.vt = svd.Vt();
        this.yc = yc;
        this.uty = u.tm(yc);
    }

    /** Leave-one-out residuals of every output at {@code lambda}, n x q. */
    double[][] looResiduals(double lambda) {
        int r = s.length;
        double[] shrink = new double[r];
        for (int k = 0; k < r; k++) {
            double s2 = s[k] * s[k];
            shrink[k] = s2 / (s2 + lambda);
        }
        DenseMatrix scaled = DenseMatrix.zeros(ScalarType.Float64, r, q);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < r; k++) {
                scaled.set(k, j, shrink[k] * uty.get(k, j));
            }
        }
        DenseMatrix fitted = u.mm(scaled);
        double[][] residuals = new double[n][q];
        for (int i = 0; i < n; i++) {
            double h = 1.0 / n;
            for (int k = 0; k < r; k++) {
                double uik = u.get(i, k);
                h += uik * uik * shrink[k];
            }
            double denominator = 1.0 - h; // > 0 for lambda > 0: sum_k U_ik^2 <= 1 - 1/n as U is orthogonal to 1
            for (int j = 0; j < q; j++) {
                residuals[i][j] = (yc.get(i, j) - fitted.get(i, j)) / denominator;
            }
        }
        return residuals;
    }

    /** Coefficients on the standardised features, p x q, output j using {@code lambdas[j]}. */
    DenseMatrix coefficients(double[] lambdas) {
        int r = s.length;
        DenseMatrix m = DenseMatrix.zeros(ScalarType.Float64, r, q);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < r; k++) {
                m.set(k, j, s[k] / (s[k] * s[k] + lambdas[j]) * uty.get(k, j));
            }
        }
        return vt.tm(m);
    }
}
