package org.tessera.heads;

/**
 * The penalty grid seen through one {@link FeatureSvd}: per penalty the shrinkage of each singular
 * direction, the hat diagonal and its trace, and the two criteria of {@link PenaltyCriterion} for a block of
 * genes given as their centred values yc (n x b) and coordinates c = U'yc (rank x b), both column-major.
 */
final class Penalties {
    final double[] lambdas;
    final double[][] shrink; // [penalty][k]
    final double[][] hat;    // [penalty][row]
    private final FeatureSvd svd;
    private final double[] trace;

    Penalties(FeatureSvd svd, double[] lambdas) {
        this.svd = svd;
        this.lambdas = lambdas.clone();
        int grid = lambdas.length;
        this.shrink = new double[grid][];
        this.hat = new double[grid][];
        this.trace = new double[grid];
        for (int l = 0; l < grid; l++) {
            shrink[l] = svd.shrink(lambdas[l]);
            hat[l] = svd.hatDiagonal(shrink[l]);
            double t = 1; // the intercept
            for (double d : shrink[l]) {
                t += d;
            }
            trace[l] = t;
        }
    }

    /**
     * GCV per gene and penalty: RSS = sum_k (1 - shrink_k)^2 c_k^2 + (|yc|^2 - |c|^2), the second term being the
     * part of y outside the span of U (clamped at 0 against rounding when that span holds all of yc).
     */
    double[][] gcv(double[] c, double[] yc, int b) {
        int n = svd.n;
        int r = svd.rank();
        double[][] scores = new double[b][lambdas.length];
        for (int j = 0; j < b; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += yc[j * n + i] * yc[j * n + i];
            }
            double inSpan = 0;
            for (int k = 0; k < r; k++) {
                inSpan += c[j * r + k] * c[j * r + k];
            }
            double outside = Math.max(0, total - inSpan);
            for (int l = 0; l < lambdas.length; l++) {
                double rss = outside;
                for (int k = 0; k < r; k++) {
                    double kept = (1 - shrink[l][k]) * c[j * r + k];
                    rss += kept * kept;
                }
                double dof = 1 - trace[l] / n;
                scores[j][l] = rss / n / (dof * dof);
            }
        }
        return scores;
    }

    /** Exact leave-one-out mean squared error per gene and penalty: one U (shrink c) product per penalty. */
    double[][] leaveOneOut(double[] c, double[] yc, int b) {
        int n = svd.n;
        int r = svd.rank();
        double[][] scores = new double[b][lambdas.length];
        double[] scaled = new double[r * b];
        for (int l = 0; l < lambdas.length; l++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < r; k++) {
                    scaled[j * r + k] = shrink[l][k] * c[j * r + k];
                }
            }
            double[] fitted = Dense.values(svd.u.mm(Dense.of(scaled, r, b)));
            double[] h = hat[l];
            for (int j = 0; j < b; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double e = (yc[j * n + i] - fitted[j * n + i]) / (1 - h[i]);
                    sum += e * e;
                }
                scores[j][l] = sum / n;
            }
        }
        return scores;
    }

    /**
     * c scaled per gene at its chosen penalty: by s_k / (s_k^2 + lambda) (coefficients, after V) when
     * {@code coefficients}, else by the shrinkage s_k^2 / (s_k^2 + lambda) (fitted values, after U).
     */
    double[] scaled(double[] c, int[] chosen, boolean coefficients) {
        int r = svd.rank();
        double[] s = svd.s;
        double[] out = new double[c.length];
        for (int j = 0; j < chosen.length; j++) {
            double lambda = lambdas[chosen[j]];
            for (int k = 0; k < r; k++) {
                double factor = coefficients ? s[k] / (s[k] * s[k] + lambda) : shrink[chosen[j]][k];
                out[j * r + k] = factor * c[j * r + k];
            }
        }
        return out;
    }
}
