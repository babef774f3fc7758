package org.tessera.survival;

/**
 * Symmetric L D L' decomposition with the rank rule of R survival's {@code cholesky2}: a pivot below
 * tol × (largest diagonal element) is declared singular and set to 0, and solves and inverses then put 0
 * in that coordinate. This is how coxph decides that a covariate is redundant, so the Cox fit uses it with
 * R's {@code toler.chol} to flag the same columns.
 */
final class Ldl {
    /** R's {@code coxph.control()$toler.chol}, .Machine$double.eps^0.75. */
    static final double DEFAULT_TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

    private final double[][] l; // unit lower triangle below the diagonal, D on the diagonal
    private final int rank;

    private Ldl(double[][] l, int rank) {
        this.l = l;
        this.rank = rank;
    }

    static Ldl decompose(double[][] a, double tolerance) {
        int n = a.length;
        double[][] m = new double[n][n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has " + a[i].length);
            }
            for (int j = 0; j <= i; j++) {
                m[i][j] = a[i][j];
            }
            largest = Math.max(largest, a[i][i]);
        }
        double eps = largest == 0 ? tolerance : largest * tolerance;
        int rank = 0;
        for (int i = 0; i < n; i++) {
            double pivot = m[i][i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                m[i][i] = 0;
                continue;
            }
            rank++;
            for (int j = i + 1; j < n; j++) {
                double temp = m[j][i] / pivot;
                m[j][i] = temp;
                m[j][j] -= temp * temp * pivot;
                for (int k = j + 1; k < n; k++) {
                    m[k][j] -= temp * m[k][i];
                }
            }
        }
        return new Ldl(m, rank);
    }

    int rank() {
        return rank;
    }

    boolean singular(int i) {
        return l[i][i] == 0;
    }

    /** x with A x = b, 0 in singular coordinates. */
    double[] solve(double[] b) {
        int n = l.length;
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double temp = x[i];
            for (int j = 0; j < i; j++) {
                temp -= x[j] * l[i][j];
            }
            x[i] = temp;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (l[i][i] == 0) {
                x[i] = 0;
                continue;
            }
            double temp = x[i] / l[i][i];
            for (int j = i + 1; j < n; j++) {
                temp -= x[j] * l[j][i];
            }
            x[i] = temp;
        }
        return x;
    }

    /** A^-1 (a generalised inverse with zero rows and columns for singular coordinates). */
    double[][] inverse() {
        int n = l.length;
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] col = solve(e);
            for (int r = 0; r < n; r++) {
                inv[r][c] = singular(r) || singular(c) ? 0 : col[r];
            }
        }
        for (int r = 0; r < n; r++) { // symmetrise the rounding
            for (int c = 0; c < r; c++) {
                double avg = (inv[r][c] + inv[c][r]) / 2;
                inv[r][c] = avg;
                inv[c][r] = avg;
            }
        }
        return inv;
    }
}
