package org.tessera.heads;

import smile.tensor.DenseMatrix;
import smile.tensor.SVD;

/**
 * The thin SVD Z = U S V' of centred, standardised features, and what every ridge fit derives from it
 * without looking at targets: the shrinkage s^2 / (s^2 + lambda) of each singular direction and the
 * diagonal of the hat matrix 11'/n + U diag(shrinkage) U' of the fit with its unpenalised intercept (Z is
 * centred, so the intercept's column is orthogonal to U). Shared by {@link RidgeSvd} and {@link PerGeneRidge}.
 */
final class FeatureSvd {
    final int n;
    final double[] s;
    final DenseMatrix u;
    final DenseMatrix vt;

    /** @param z centred (standardised) features, n x p; overwritten by the decomposition (LAPACK, through Smile) */
    FeatureSvd(DenseMatrix z) {
        this.n = z.nrow();
        SVD svd = z.svd(true); // thin: U is n x r, Vt is r x p, r = min(n, p)
        this.s = new double[svd.s().size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = svd.s().get(k);
        }
        this.u = svd.U();
        this.vt = svd.Vt();
    }

    int rank() {
        return s.length;
    }

    /** s_k^2 / (s_k^2 + lambda) for every singular value: how much of direction k the fit keeps. */
    double[] shrink(double lambda) {
        double[] shrink = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            double s2 = s[k] * s[k];
            shrink[k] = s2 / (s2 + lambda);
        }
        return shrink;
    }

    /** h_ii = 1/n + sum_k U_ik^2 shrink_k; below 1 for lambda &gt; 0, as sum_k U_ik^2 &lt;= 1 - 1/n. */
    double[] hatDiagonal(double[] shrink) {
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double hi = 1.0 / n;
            for (int k = 0; k < s.length; k++) {
                double uik = u.get(i, k);
                hi += uik * uik * shrink[k];
            }
            h[i] = hi;
        }
        return h;
    }
}
