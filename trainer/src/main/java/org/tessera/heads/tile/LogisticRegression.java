package org.tessera.heads.tile;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * L2-penalised binary logistic regression on standardised tile embeddings, fitted by full-batch L-BFGS
 * over a float design held once in memory.
 *
 * <p>Why full batch and in memory: at 10^6 tiles x 768 features the design is 3 GB of float, which fits a
 * workstation's heap once; L-BFGS then needs a few dozen passes over it (each pass computes loss and
 * gradient together, two flops per value), converges to the exact penalised optimum that scikit-learn's
 * {@code LogisticRegression(solver="lbfgs")} reaches, and needs no learning-rate schedule. A mini-batch
 * method streamed from the store would bound memory further but answers only approximately and needs
 * tuning; streaming Arrow batches for every one of dozens of passes would also be slower than reading
 * memory. Rows are chosen by index ({@code rows}), so training on a split's tiles copies nothing.
 *
 * <p>Standardisation: per-feature mean and population standard deviation (ddof 0) of the training rows,
 * a constant feature getting scale 1, as scikit-learn's {@code StandardScaler}; it is folded into the
 * coefficients rather than applied to a copy of the data.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** Fits on every row of the design; {@code labels[i]} is the class of row i. */
    public static LogisticModel fit(TileEmbeddings design, boolean[] labels, LogisticOptions options) {
        return fit(design, IntStream.range(0, design.rows()).toArray(), labels, options);
    }

    /**
     * Fits on the given rows of the design; {@code labels[k]} is the class of row {@code rows[k]}.
     *
     * @throws IllegalArgumentException if lengths differ, a row is out of range, a class is missing, or a
     *                                  training value is not finite
     */
    public static LogisticModel fit(TileEmbeddings design, int[] rows, boolean[] labels, LogisticOptions options) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(options, "options");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        int positives = 0;
        for (int k = 0; k < rows.length; k++) {
            Objects.checkIndex(rows[k], design.rows());
            positives += labels[k] ? 1 : 0;
        }
        if (positives == 0 || positives == rows.length) {
            throw new IllegalArgumentException("logistic regression needs both classes, got " + positives + " positives among "
                    + rows.length + " rows");
        }
        double[][] moments = moments(design, rows);
        int p = design.cols();
        LogisticLoss loss = new LogisticLoss(design, rows, labels, moments[0], moments[1], options.c());
        Lbfgs.Outcome out = Lbfgs.minimise(loss, new double[p + 1], options);
        double[] w = java.util.Arrays.copyOf(out.x(), p);
        return new LogisticModel(moments[0], moments[1], w, out.x()[p], out.iterations(), out.converged(), out.value());
    }

    /** Mean and population standard deviation of each column over the rows: two parallel passes. */
    static double[][] moments(TileEmbeddings design, int[] rows) {
        int p = design.cols();
        float[] x = design.values();
        int chunks = (rows.length + LogisticLoss.CHUNK - 1) / LogisticLoss.CHUNK;
        double[][] part = new double[chunks][p];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int k = c * LogisticLoss.CHUNK; k < Math.min(rows.length, (c + 1) * LogisticLoss.CHUNK); k++) {
                int off = rows[k] * p;
                for (int j = 0; j < p; j++) {
                    part[c][j] += x[off + j];
                }
            }
        });
        double[] mean = new double[p];
        for (double[] s : part) {
            for (int j = 0; j < p; j++) {
                mean[j] += s[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.length;
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + " has a non-finite value among the training rows");
            }
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            java.util.Arrays.fill(part[c], 0);
            for (int k = c * LogisticLoss.CHUNK; k < Math.min(rows.length, (c + 1) * LogisticLoss.CHUNK); k++) {
                int off = rows[k] * p;
                for (int j = 0; j < p; j++) {
                    double d = x[off + j] - mean[j];
                    part[c][j] += d * d;
                }
            }
        });
        double[] scale = new double[p];
        for (double[] s : part) {
            for (int j = 0; j < p; j++) {
                scale[j] += s[j];
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            // StandardScaler treats a variance below ~machine precision relative to the mean as zero
            scale[j] = sd > 10 * Math.ulp(Math.max(1.0, Math.abs(mean[j]))) ? sd : 1;
        }
        return new double[][] {mean, scale};
    }
}
