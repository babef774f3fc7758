package org.tessera.heads.tile;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The L2-penalised logistic loss over chosen rows of a float design, and its gradient, in one parallel pass
 * over the rows. Parameters are in standardised units, {@code theta = (w_1 .. w_p, b)}; the standardisation
 * is applied through the coefficients, never to the data: with v_j = w_j / s_j,
 * {@code z_i = b - sum_j v_j mu_j + sum_j v_j x_ij}, and the gradient in w_j is
 * {@code (sum_i r_i x_ij - mu_j sum_i r_i) / s_j} with residual r_i = sigmoid(z_i) - y_i.
 *
 * <p>Rows are cut into fixed chunks whose partial sums are added in chunk order, so the result does not
 * depend on the number of threads or on scheduling.
 */
final class LogisticLoss implements Lbfgs.Objective {
    static final int CHUNK = 2048;

    private final float[] x;
    private final int p;
    private final int[] rows;
    private final boolean[] labels;
    private final double[] mean;
    private final double[] scale;
    private final double c;
    private final double[][] partial;

    /** {@code labels[k]} is the label of row {@code rows[k]}. */
    LogisticLoss(TileEmbeddings design, int[] rows, boolean[] labels, double[] mean, double[] scale, double c) {
        this.x = design.values();
        this.p = design.cols();
        this.rows = rows;
        this.labels = labels;
        this.mean = mean;
        this.scale = scale;
        this.c = c;
        this.partial = new double[(rows.length + CHUNK - 1) / CHUNK][p + 2]; // p sums of r x, sum of r, loss
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double[] v = new double[p];
        double offset = theta[p];
        for (int j = 0; j < p; j++) {
            v[j] = theta[j] / scale[j];
            offset -= v[j] * mean[j];
        }
        double b0 = offset;
        IntStream.range(0, partial.length).parallel().forEach(chunk -> accumulate(chunk, v, b0));
        double[] sum = new double[p + 2];
        for (double[] part : partial) {
            for (int j = 0; j < p + 2; j++) {
                sum[j] += part[j];
            }
        }
        int n = rows.length;
        double sumR = sum[p];
        double penalty = 0;
        for (int j = 0; j < p; j++) {
            penalty += theta[j] * theta[j];
            gradient[j] = ((sum[j] - mean[j] * sumR) / scale[j] + theta[j] / c) / n;
        }
        gradient[p] = sumR / n;
        return (sum[p + 1] + penalty / (2 * c)) / n;
    }

    private void accumulate(int chunk, double[] v, double b0) {
        double[] part = partial[chunk];
        Arrays.fill(part, 0);
        int end = Math.min(rows.length, (chunk + 1) * CHUNK);
        double sumR = 0;
        double loss = 0;
        for (int k = chunk * CHUNK; k < end; k++) {
            int off = rows[k] * p;
            double z = b0 + dot(v, x, off, p);
            double y = labels[k] ? 1 : 0;
            loss += softplus(z) - y * z;
            double r = sigmoid(z) - y;
            sumR += r;
            for (int j = 0; j < p; j++) {
                part[j] += r * x[off + j];
            }
        }
        part[p] = sumR;
        part[p + 1] = loss;
    }

    /** v . x[off, off + p), with four running sums so that the additions overlap in the pipeline. */
    static double dot(double[] v, float[] x, int off, int p) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < p; j += 4) {
            s0 += v[j] * x[off + j];
            s1 += v[j + 1] * x[off + j + 1];
            s2 += v[j + 2] * x[off + j + 2];
            s3 += v[j + 3] * x[off + j + 3];
        }
        for (; j < p; j++) {
            s0 += v[j] * x[off + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** 1 / (1 + e^-z) without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
