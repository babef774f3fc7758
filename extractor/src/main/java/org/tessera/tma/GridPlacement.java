package org.tessera.tma;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The last step of {@link GridFitter}: with the grid fitted and every core at its nearest grid position, chooses the
 * grid's extent (the inliers' span, or the best-filled block of the size given), labels the cores on it, lists the
 * empty positions, and calls extra the cores off the grid, outside it, or second on one position.
 */
final class GridPlacement {
    private GridPlacement() {
    }

    static GridFitter.Result place(List<Core> cores, GridFit fitted, int[] row, int[] col, boolean[] inlier, OptionalInt rows,
            OptionalInt cols) {
        List<String> notes = new ArrayList<>();
        int r0 = window(row, inlier, rows);
        int c0 = window(col, inlier, cols);
        int spanRows = span(row, inlier);
        int spanCols = span(col, inlier);
        int nRows = rows.orElse(spanRows);
        int nCols = cols.orElse(spanCols);
        for (int i = 0; i < row.length; i++) {
            row[i] -= r0;
            col[i] -= c0;
        }
        if (spanRows > nRows || spanCols > nCols) {
            notes.add("the cores span " + spanRows + " rows x " + spanCols + " columns, more than the " + nRows + " x " + nCols
                    + " given: the best-filled " + nRows + " x " + nCols + " block is the grid, cores beyond it are extra");
        } else if (spanRows < nRows || spanCols < nCols) {
            notes.add("the cores span only " + spanRows + " rows x " + spanCols + " columns of the " + nRows + " x " + nCols
                    + " given: labels start at the top-left core; whole empty rows or columns are taken to be at the bottom "
                    + "or right");
        }
        GridFit grid = new GridFit(fitted.x(r0, c0), fitted.y(r0, c0), fitted.colDx(), fitted.colDy(), fitted.rowDx(),
                fitted.rowDy(), nRows, nCols);
        double pitch = Math.min(grid.colPitch(), grid.rowPitch());
        Map<Integer, Integer> byPosition = new HashMap<>();
        List<Core> extra = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Core c = cores.get(i);
            double offset = Math.hypot(c.x() - grid.x(row[i], col[i]), c.y() - grid.y(row[i], col[i]));
            if (!inlier[i] || row[i] < 0 || col[i] < 0 || row[i] >= nRows || col[i] >= nCols || offset > GridFitter.MAX_OFFSET * pitch) {
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
        List<GridFitter.Placed> placed = new ArrayList<>();
        List<GridFitter.Missing> missing = new ArrayList<>();
        for (int r = 0; r < nRows; r++) {
            for (int c = 0; c < nCols; c++) {
                Integer i = byPosition.get(r * nCols + c);
                if (i == null) {
                    missing.add(new GridFitter.Missing(CoreLabel.of(r, c), r, c, grid.x(r, c), grid.y(r, c)));
                } else {
                    placed.add(new GridFitter.Placed(CoreLabel.of(r, c), r, c, cores.get(i)));
                }
            }
        }
        extra.sort(Comparator.comparingDouble(Core::y).thenComparingDouble(Core::x));
        return new GridFitter.Result(grid, placed, missing, extra, notes);
    }

    /**
     * The first index of the window of {@code size} consecutive indices holding the most inlier cores (the smallest
     * index when not given: then the window spans all inliers).
     */
    private static int window(int[] index, boolean[] inlier, OptionalInt size) {
        int[] range = range(index, inlier);
        int lo = range[0];
        int hi = range[1];
        if (size.isEmpty() || hi - lo + 1 <= size.getAsInt()) {
            return lo;
        }
        int best = lo;
        int most = -1;
        for (int start = lo; start + size.getAsInt() - 1 <= hi; start++) {
            int n = 0;
            for (int i = 0; i < index.length; i++) {
                n += inlier[i] && index[i] >= start && index[i] < start + size.getAsInt() ? 1 : 0;
            }
            if (n > most) {
                most = n;
                best = start;
            }
        }
        return best;
    }

    /** How many consecutive indices the inlier cores span. */
    private static int span(int[] index, boolean[] inlier) {
        int[] range = range(index, inlier);
        return range[1] - range[0] + 1;
    }

    /** Smallest and largest index of the inlier cores. */
    private static int[] range(int[] index, boolean[] inlier) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < index.length; i++) {
            if (inlier[i]) {
                lo = Math.min(lo, index[i]);
                hi = Math.max(hi, index[i]);
            }
        }
        return new int[] {lo, hi};
    }
}
