package org.tessera.heads.tile;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth strictly convex objectives only:
 * there the curvature condition s'y &gt; 0 holds for every step, so the Wolfe conditions' second half is not
 * needed to keep the inverse-Hessian estimate positive definite. An L2 penalty makes logistic regression
 * strictly convex.
 */
final class Lbfgs {
    /** Value and gradient of the objective at x; writes the gradient into {@code gradient}. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the minimisation stopped. */
    record Outcome(double[] x, double value, int iterations, int evaluations, boolean converged) {
    }

    private Lbfgs() {
    }

    static Outcome minimise(Objective f, double[] start, LogisticOptions options) {
        int n = start.length;
        int m = options.memory();
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iter = 0; iter < options.maxIterations(); iter++) {
            if (maxAbs(g) <= options.tolerance()) {
                return new Outcome(x, fx, iter, evaluations, true);
            }
            // two-loop recursion: d = -H g
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(newest - k, m);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            double gamma = stored == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, m);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) { // rounding made the direction useless: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int halvings = 0; halvings < 50; halvings++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                if (fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) { // no decrease at machine precision: the gradient test decides
                return new Outcome(x, fx, iter, evaluations, maxAbs(g) <= options.tolerance());
            }
            newest = (newest + 1) % m;
            for (int i = 0; i < n; i++) {
                s[newest][i] = xNew[i] - x[i];
                y[newest][i] = gNew[i] - g[i];
            }
            double sy = dot(s[newest], y[newest]);
            if (sy > 0) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, m);
            } else { // cannot happen for a strictly convex objective except by rounding: forget the history
                stored = 0;
                newest = -1;
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
        return new Outcome(x, fx, options.maxIterations(), evaluations, maxAbs(g) <= options.tolerance());
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }
}
