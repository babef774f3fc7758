package org.tessera.tma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Fits a grid to core centres and places each core on it. The rotation comes from the directions to each
 * core's nearest neighbour (folded to a quarter turn, circular mean of four times the angle); the pitches from
 * the median neighbour distances along and across the rotated rows. Cores are first indexed by rounding along
 * the rotated axes, then the grid is refitted by least squares (an affine map from (row, column) to the slide)
 * and every core re-placed at its nearest grid position, three times. A core farther than {@link #MAX_OFFSET}
 * pitches from its position, or the farther of two on one position, is an extra core.
 */
public final class GridFitter {
    /** Largest distance of a core from its grid position, as a share of the pitch. */
    static final double MAX_OFFSET = 0.4;

    /** A core on the grid. */
    public record Placed(String label, int row, int col, Core core) {
    }

    /** A grid position without a core, at its fitted place. */
    public record Missing(String label, int row, int col, double x, double y) {
    }

    /** The fitted grid, the placed cores (in label order: row, then column), the empty positions and extra cores. */
    public record Result(GridFit grid, List<Placed> placed, List<Missing> missing, List<Core> extra, List<String> notes) {
        public Result {
            placed = List.copyOf(placed);
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
            notes = List.copyOf(notes);
        }
    }

    private GridFitter() {
    }

    public static Result fit(List<Core> cores, OptionalInt rows, OptionalInt cols) {
        if (cores.size() < 4) {
            throw new IllegalArgumentException("a grid needs at least 4 cores, found " + cores.size());
        }
        double theta = rotation(cores);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double[] u = new double[cores.size()];
        double[] v = new double[cores.size()];
        for (int i = 0; i < u.length; i++) {
            Core c = cores.get(i);
            u[i] = cos * c.x() + sin * c.y();
            v[i] = -sin * c.x() + cos * c.y();
        }
        double[] pitch = pitches(u, v);
        int[] row = new int[u.length];
        int[] col = new int[u.length];
        double u0 = Arrays.stream(u).min().orElseThrow();
        double v0 = Arrays.stream(v).min().orElseThrow();
        for (int i = 0; i < u.length; i++) {
            col[i] = (int) Math.round((u[i] - u0) / pitch[0]);
            row[i] = (int) Math.round((v[i] - v0) / pitch[1]);
        }
        GridFit grid = null;
        for (int pass = 0; pass < 3; pass++) {
            grid = leastSquares(cores, row, col);
            for (int i = 0; i < u.length; i++) {
                double[] rc = grid.toGrid(cores.get(i).x(), cores.get(i).y());
                row[i] = (int) Math.round(rc[0]);
                col[i] = (int) Math.round(rc[1]);
            }
        }
        return place(cores, grid, row, col, rows, cols);
    }

    /** Grid rotation in radians, in (-pi/4, pi/4], from nearest-neighbour directions. */
    static double rotation(List<Core> cores) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < cores.size(); i++) {
            int j = nearest(cores, i);
            double a = Math.atan2(cores.get(j).y() - cores.get(i).y(), cores.get(j).x() - cores.get(i).x());
            s += Math.sin(4 * a);
            c += Math.cos(4 * a);
        }
        return Math.atan2(s, c) / 4;
    }

    private static int nearest(List<Core> cores, int i) {
        int best = -1;
        double d = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cores.size(); j++) {
            double e = Math.hypot(cores.get(j).x() - cores.get(i).x(), cores.get(j).y() - cores.get(i).y());
            if (j != i && e < d) {
                d = e;
                best = j;
            }
        }
        return best;
    }

    /** Median distance to the nearest neighbour along u (columns) and along v (rows), in the rotated frame. */
    private static double[] pitches(double[] u, double[] v) {
        List<Double> along = new ArrayList<>();
        List<Double> across = new ArrayList<>();
        for (int i = 0; i < u.length; i++) {
            double bu = Double.POSITIVE_INFINITY;
            double bv = Double.POSITIVE_INFINITY;
            for (int j = 0; j < u.length; j++) {
                double du = Math.abs(u[j] - u[i]);
                double dv = Math.abs(v[j] - v[i]);
                if (j == i) {
                    continue;
                }
                if (du > dv) {
                    bu = Math.min(bu, Math.hypot(du, dv));
                } else {
                    bv = Math.min(bv, Math.hypot(du, dv));
                }
            }
            if (Double.isFinite(bu)) {
                along.add(bu);
            }
            if (Double.isFinite(bv)) {
                across.add(bv);
            }
        }
        double pu = median(along);
        double pv = median(across);
        if (!Double.isFinite(pu)) {
            pu = pv;
        }
        if (!Double.isFinite(pv)) {
            pv = pu;
        }
        return new double[] {pu, pv};
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** x = ox + c ax + r bx, y = oy + c ay + r by by least squares, indices shifted so the smallest are 0. */
    private static GridFit leastSquares(List<Core> cores, int[] row, int[] col) {
        int r0 = Arrays.stream(row).min().orElseThrow();
        int c0 = Arrays.stream(col).min().orElseThrow();
        double[][] a = new double[3][3];
        double[] bx = new double[3];
        double[] by = new double[3];
        for (int i = 0; i < row.length; i++) {
            row[i] -= r0;
            col[i] -= c0;
            double[] f = {1, col[i], row[i]};
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 3; q++) {
                    a[p][q] += f[p] * f[q];
                }
                bx[p] += f[p] * cores.get(i).x();
                by[p] += f[p] * cores.get(i).y();
            }
        }
        double[] sx = solve3(a, bx);
        double[] sy = solve3(a, by);
        int rows = Arrays.stream(row).max().orElseThrow() + 1;
        int cols = Arrays.stream(col).max().orElseThrow() + 1;
        return new GridFit(sx[0], sy[0], sx[1], sy[1], sx[2], sy[2], rows, cols);
    }

    /** Cramer's rule for the 3 x 3 normal equations. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("the cores do not span a grid (all in one row or column?)");
        }
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][k] = b[r];
            }
            out[k] = det3(m) / det;
        }
        return out;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static Result place(List<Core> cores, GridFit fitted, int[] row, int[] col, OptionalInt rows, OptionalInt cols) {
        List<String> notes = new ArrayList<>();
        int nRows = rows.orElse(fitted.rows());
        int nCols = cols.orElse(fitted.cols());
        if (fitted.rows() > nRows || fitted.cols() > nCols) {
            notes.add("the cores span " + fitted.rows() + " rows x " + fitted.cols() + " columns, more than the " + nRows + " x "
                    + nCols + " given: cores beyond are extra");
        } else if (fitted.rows() < nRows || fitted.cols() < nCols) {
            notes.add("the cores span only " + fitted.rows() + " rows x " + fitted.cols() + " columns of the " + nRows + " x "
                    + nCols + " given: labels start at the top-left core; whole empty rows or columns are taken to be at "
                    + "the bottom or right");
        }
        GridFit grid = new GridFit(fitted.originX(), fitted.originY(), fitted.colDx(), fitted.colDy(), fitted.rowDx(),
                fitted.rowDy(), nRows, nCols);
        double pitch = Math.min(grid.colPitch(), grid.rowPitch());
        Map<Integer, Integer> byPosition = new HashMap<>();
        List<Core> extra = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Core c = cores.get(i);
            double offset = Math.hypot(c.x() - grid.x(row[i], col[i]), c.y() - grid.y(row[i], col[i]));
            if (row[i] >= nRows || col[i] >= nCols || offset > MAX_OFFSET * pitch) {
                extra.add(c);
                continue;
            }
            int key = row[i] * nCols + col[i];
            Integer other = byPosition.get(key);
            if (other == null) {
                byPosition.put(key, i);
            } else {
                double otherOffset = Math.hypot(cores.get(other).x() - grid.x(row[i], col[i]), cores.get(other).y() - grid.y(row[i], col[i]));
                if (offset < otherOffset) {
                    extra.add(cores.get(other));
                    byPosition.put(key, i);
                } else {
                    extra.add(c);
                }
            }
        }
        List<Placed> placed = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (int r = 0; r < nRows; r++) {
            for (int c = 0; c < nCols; c++) {
                Integer i = byPosition.get(r * nCols + c);
                if (i == null) {
                    missing.add(new Missing(CoreLabel.of(r, c), r, c, grid.x(r, c), grid.y(r, c)));
                } else {
                    placed.add(new Placed(CoreLabel.of(r, c), r, c, cores.get(i)));
                }
            }
        }
        extra.sort(Comparator.comparingDouble(Core::y).thenComparingDouble(Core::x));
        return new Result(grid, placed, missing, extra, notes);
    }
}
