package org.tessera.tma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Fits a grid to core centres and places each core on it. The rotation comes from the directions to each
 * core's nearest neighbour (folded to a quarter turn, circular mean of four times the angle); the pitches from
 * the median neighbour distances along and across the rotated rows. Cores are first indexed by rounding along
 * the rotated axes, then the grid is refitted by least squares (an affine map from (row, column) to the slide)
 * over the cores within {@link #MAX_OFFSET} pitches of their position, and every core re-placed at its nearest
 * grid position, four times. With the grid's size given, the best-filled block of that size is the grid. A core
 * farther than {@link #MAX_OFFSET} pitches from its position, outside the grid, or the farther of two on one
 * position, is an extra core.
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
        // First indices by rounding along the rotated axes from the grid's phase (the circular mean of the positions
        // modulo the pitch, so a core off the grid does not shift the others by half a pitch); refits correct them.
        double u0 = phase(u, pitch[0]);
        double v0 = phase(v, pitch[1]);
        for (int i = 0; i < u.length; i++) {
            col[i] = (int) Math.round((u[i] - u0) / pitch[0]);
            row[i] = (int) Math.round((v[i] - v0) / pitch[1]);
        }
        boolean[] inlier = new boolean[u.length];
        java.util.Arrays.fill(inlier, true);
        GridFit grid = null;
        for (int pass = 0; pass < 4; pass++) {
            grid = leastSquares(cores, row, col, inlier);
            double limit = MAX_OFFSET * Math.min(grid.colPitch(), grid.rowPitch());
            for (int i = 0; i < u.length; i++) {
                double[] rc = grid.toGrid(cores.get(i).x(), cores.get(i).y());
                row[i] = (int) Math.round(rc[0]);
                col[i] = (int) Math.round(rc[1]);
                inlier[i] = Math.hypot(cores.get(i).x() - grid.x(row[i], col[i]), cores.get(i).y() - grid.y(row[i], col[i])) <= limit;
            }
        }
        return GridPlacement.place(cores, grid, row, col, inlier, rows, cols);
    }

    /** Where the grid lines fall along one axis, modulo the pitch: the circular mean of the positions' phases. */
    private static double phase(double[] positions, double pitch) {
        double s = 0;
        double c = 0;
        for (double p : positions) {
            double a = 2 * Math.PI * p / pitch;
            s += Math.sin(a);
            c += Math.cos(a);
        }
        return Math.atan2(s, c) / (2 * Math.PI) * pitch;
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

    /**
     * x = ox + c ax + r bx, y = oy + c ay + r by by least squares over the inlier cores, in their current indices
     * (the grid's size is set later, when the indices are re-based).
     */
    private static GridFit leastSquares(List<Core> cores, int[] row, int[] col, boolean[] use) {
        double[][] a = new double[3][3];
        double[] bx = new double[3];
        double[] by = new double[3];
        for (int i = 0; i < row.length; i++) {
            if (!use[i]) {
                continue;
            }
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
        return new GridFit(sx[0], sy[0], sx[1], sy[1], sx[2], sy[2], 1, 1);
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
}
