package org.tessera.heads;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.tessera.featureset.FeatureMatrix;

/**
 * hist2RNA's regressor in its smallest useful form: one fully connected ReLU layer between standardised
 * features and all genes at once, trained by Adam on mini-batches with L2 weight decay and early stopping on
 * a seeded validation share. Plain Java loops, one thread: the same options and data give bit-identical
 * weights. Outputs are standardised for training (so every gene weighs the same in the loss) and mapped
 * back for prediction. There is no reference to match to the digit (scikit-learn's {@code MLPRegressor}
 * draws its initial weights and batches differently); tests check behaviour on planted signal instead.
 */
public final class Mlp {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private Mlp() {
    }

    /**
     * Trains the network on {@code x} and {@code y}.
     *
     * @throws IllegalArgumentException if the row counts differ, there are too few rows for the validation
     *                                  share, or a feature value is not finite
     * @throws IllegalStateException    if training diverges (a non-finite loss: lower the learning rate)
     */
    public static MlpModel fit(FeatureMatrix x, Targets y, MlpOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(options, "options");
        int n = x.rows();
        if (y.rows() != n) {
            throw new IllegalArgumentException("feature matrix has " + n + " rows but targets have " + y.rows());
        }
        int validation = options.validationFraction() == 0 ? 0 : (int) Math.max(1, Math.round(options.validationFraction() * n));
        if (n - validation < 1 || x.cols() == 0) {
            throw new IllegalArgumentException("MLP needs features and at least one training row besides " + validation
                    + " validation rows, got " + n + " rows x " + x.cols() + " features");
        }
        Standardization standardization = Standardization.fit(x);
        double[][] z = rows(Dense.values(standardization.apply(x)), n, x.cols());
        int q = y.outputs();
        double[] means = new double[q];
        double[] scales = new double[q];
        for (int j = 0; j < q; j++) {
            double[] c = y.column(j);
            means[j] = Arrays.stream(c).sum() / n;
            double ss = 0;
            for (double v : c) {
                ss += (v - means[j]) * (v - means[j]);
            }
            scales[j] = ss == 0 ? 1.0 : Math.sqrt(ss / n);
        }
        double[][] t = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                t[i][j] = (y.get(i, j) - means[j]) / scales[j];
            }
        }
        Random random = new Random(options.seed());
        int[] order = shuffle(identity(n), random);
        int[] held = Arrays.copyOfRange(order, 0, validation);
        int[] fitted = Arrays.copyOfRange(order, validation, n);
        Weights w = Weights.initial(x.cols(), options.hiddenUnits(), q, random);
        Trainer trainer = new Trainer(w, options);
        Weights best = w.copy();
        double bestLoss = Double.POSITIVE_INFINITY;
        int since = 0;
        int epoch = 0;
        while (epoch < options.epochs()) {
            epoch++;
            shuffle(fitted, random);
            for (int start = 0; start < fitted.length; start += options.batchSize()) {
                trainer.step(z, t, fitted, start, Math.min(fitted.length, start + options.batchSize()));
            }
            if (validation == 0) {
                continue;
            }
            double loss = w.loss(z, t, held);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("MLP training diverged at epoch " + epoch + " with learning rate "
                        + options.learningRate());
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = w.copy();
                since = 0;
            } else if (++since >= options.patience()) {
                break;
            }
        }
        Weights kept = validation == 0 ? w : best;
        return new MlpModel(y.names(), standardization, kept, means, scales, epoch, validation == 0 ? Double.NaN : bestLoss);
    }

    private static double[][] rows(double[] columnMajor, int n, int p) {
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) {
                out[i][c] = columnMajor[c * n + i];
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }

    /** Fisher-Yates in place, from the end. */
    private static int[] shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[k];
            a[k] = tmp;
        }
        return a;
    }

    /** Adam over the flat parameter vector; the decay touches weights, not biases. */
    private static final class Trainer {
        private final Weights w;
        private final MlpOptions options;
        private final double[] grad;
        private final double[] m;
        private final double[] v;
        private final double[] hidden;
        private int steps;

        Trainer(Weights w, MlpOptions options) {
            this.w = w;
            this.options = options;
            this.grad = new double[w.theta.length];
            this.m = new double[w.theta.length];
            this.v = new double[w.theta.length];
            this.hidden = new double[w.h];
        }

        void step(double[][] z, double[][] t, int[] rows, int from, int to) {
            Arrays.fill(grad, 0);
            double inverse = 1.0 / (to - from);
            int p = w.p;
            int h = w.h;
            int q = w.q;
            double[] theta = w.theta;
            double[] dHidden = new double[h];
            for (int r = from; r < to; r++) {
                double[] row = z[rows[r]];
                double[] o = w.forward(row, hidden);
                for (int j = 0; j < q; j++) {
                    o[j] = (o[j] - t[rows[r]][j]) * inverse; // d(0.5 * mean over batch of squared error)/d output
                    grad[w.b2() + j] += o[j];
                }
                for (int u = 0; u < h; u++) {
                    double d = 0;
                    int base = w.w2() + u * q;
                    for (int j = 0; j < q; j++) {
                        grad[base + j] += hidden[u] * o[j];
                        d += theta[base + j] * o[j];
                    }
                    dHidden[u] = hidden[u] > 0 ? d : 0;
                    grad[w.b1() + u] += dHidden[u];
                }
                for (int c = 0; c < p; c++) {
                    double xc = row[c];
                    if (xc == 0) {
                        continue;
                    }
                    int base = c * h;
                    for (int u = 0; u < h; u++) {
                        grad[base + u] += xc * dHidden[u];
                    }
                }
            }
            double decay = options.weightDecay();
            for (int k = 0; k < p * h; k++) {
                grad[k] += decay * theta[k];
            }
            for (int k = w.w2(); k < w.b2(); k++) {
                grad[k] += decay * theta[k];
            }
            steps++;
            double c1 = 1 - Math.pow(BETA1, steps);
            double c2 = 1 - Math.pow(BETA2, steps);
            double lr = options.learningRate();
            for (int k = 0; k < theta.length; k++) {
                m[k] = BETA1 * m[k] + (1 - BETA1) * grad[k];
                v[k] = BETA2 * v[k] + (1 - BETA2) * grad[k] * grad[k];
                theta[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPSILON);
            }
        }
    }

    /**
     * All parameters in one array: W1 (p x h, row c at [c*h, (c+1)*h)), b1 (h), W2 (h x q, row u at
     * [w2 + u*q, w2 + (u+1)*q)), b2 (q).
     */
    static final class Weights implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int p;
        private final int h;
        private final int q;
        private final double[] theta;

        private Weights(int p, int h, int q, double[] theta) {
            this.p = p;
            this.h = h;
            this.q = q;
            this.theta = theta;
        }

        /** He-normal W1 (sd sqrt(2/p)), W2 with sd sqrt(1/h), zero biases. */
        static Weights initial(int p, int h, int q, Random random) {
            double[] theta = new double[Math.addExact(Math.multiplyExact(p, h) + h, Math.multiplyExact(h, q) + q)];
            double sd1 = Math.sqrt(2.0 / p);
            for (int k = 0; k < p * h; k++) {
                theta[k] = sd1 * random.nextGaussian();
            }
            double sd2 = Math.sqrt(1.0 / h);
            for (int k = p * h + h; k < p * h + h + h * q; k++) {
                theta[k] = sd2 * random.nextGaussian();
            }
            return new Weights(p, h, q, theta);
        }

        Weights copy() {
            return new Weights(p, h, q, theta.clone());
        }

        int hidden() {
            return h;
        }

        int b1() {
            return p * h;
        }

        int w2() {
            return p * h + h;
        }

        int b2() {
            return p * h + h + h * q;
        }

        /** The outputs for one standardised row; {@code hidden} receives the ReLU activations. */
        double[] forward(double[] row, double[] hidden) {
            System.arraycopy(theta, b1(), hidden, 0, h);
            for (int c = 0; c < p; c++) {
                double xc = row[c];
                if (xc == 0) {
                    continue;
                }
                int base = c * h;
                for (int u = 0; u < h; u++) {
                    hidden[u] += xc * theta[base + u];
                }
            }
            double[] out = Arrays.copyOfRange(theta, b2(), b2() + q);
            for (int u = 0; u < h; u++) {
                double a = Math.max(0, hidden[u]);
                hidden[u] = a;
                if (a == 0) {
                    continue;
                }
                int base = w2() + u * q;
                for (int j = 0; j < q; j++) {
                    out[j] += a * theta[base + j];
                }
            }
            return out;
        }

        /** Mean over rows and outputs of the squared error on standardised outputs. */
        double loss(double[][] z, double[][] t, int[] rows) {
            double[] hiddenBuffer = new double[h];
            double sum = 0;
            for (int r : rows) {
                double[] o = forward(z[r], hiddenBuffer);
                for (int j = 0; j < q; j++) {
                    double e = o[j] - t[r][j];
                    sum += e * e;
                }
            }
            return sum / ((double) rows.length * q);
        }
    }
}
