package org.tessera.heads;

/**
 * Elastic net for one gene by cyclic coordinate descent, with scikit-learn's objective:
 * {@code 1/(2n) ||y - b - Xw||^2 + alpha * l1Ratio * ||w||_1 + alpha * (1 - l1Ratio) / 2 * ||w||^2}, on the
 * columns of {@code x} as given (callers standardise) with an unpenalised intercept. Converges when the
 * largest coefficient change in a sweep is below {@code tolerance} times the largest coefficient (sklearn's
 * rule without its duality-gap check). A short-list head: cost grows with genes x features x sweeps.
 */
public final class ElasticNet {
    private ElasticNet() {
    }

    /** Coefficients {@code w} (length p) and intercept, as {w..., b}. {@code x} is row-major n x p. */
    public static double[] fit(double[] x, int n, int p, double[] y, double alpha, double l1Ratio, double tolerance, int maxSweeps) {
        if (!(alpha > 0) || !(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("elastic net needs alpha > 0 and l1Ratio in [0,1], got " + alpha + ", " + l1Ratio);
        }
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double[] xMean = new double[p];
        double[] colNorm = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xMean[j] += x[i * p + j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double c = x[i * p + j] - xMean[j];
                colNorm[j] += c * c;
            }
        }
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - yMean;
        }
        double[] w = new double[p];
        double l1 = alpha * l1Ratio * n;
        double l2 = alpha * (1 - l1Ratio) * n;
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            double maxChange = 0;
            double maxW = 0;
            for (int j = 0; j < p; j++) {
                if (colNorm[j] == 0) {
                    continue;
                }
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += (x[i * p + j] - xMean[j]) * residual[i];
                }
                rho += colNorm[j] * w[j];
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (colNorm[j] + l2);
                double change = updated - w[j];
                if (change != 0) {
                    for (int i = 0; i < n; i++) {
                        residual[i] -= change * (x[i * p + j] - xMean[j]);
                    }
                    w[j] = updated;
                }
                maxChange = Math.max(maxChange, Math.abs(change));
                maxW = Math.max(maxW, Math.abs(updated));
            }
            if (maxW == 0 || maxChange / maxW < tolerance) {
                break;
            }
        }
        double[] out = new double[p + 1];
        System.arraycopy(w, 0, out, 0, p);
        double b = yMean;
        for (int j = 0; j < p; j++) {
            b -= w[j] * xMean[j];
        }
        out[p] = b;
        return out;
    }
}
