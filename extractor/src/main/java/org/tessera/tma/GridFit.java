package org.tessera.tma;

/**
 * A fitted TMA grid: position (row r, column c) is {@code origin + c * column step + r * row step} in level-0
 * pixels. The steps carry the grid's rotation, pitch and any shear, so a slide scanned a few degrees off square
 * is fitted as it lies. Row 0 is the top row, column 0 the left column.
 */
public record GridFit(double originX, double originY, double colDx, double colDy, double rowDx, double rowDy, int rows,
        int cols) {
    public GridFit {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a grid has at least one row and column: " + rows + " x " + cols);
        }
        if (Math.abs(colDx * rowDy - colDy * rowDx) < 1e-9) {
            throw new IllegalArgumentException("grid steps are parallel: no grid");
        }
    }

    public double x(double row, double col) {
        return originX + col * colDx + row * rowDx;
    }

    public double y(double row, double col) {
        return originY + col * colDy + row * rowDy;
    }

    /** Fractional (row, column) of a level-0 point. */
    public double[] toGrid(double x, double y) {
        double det = colDx * rowDy - colDy * rowDx;
        double dx = x - originX;
        double dy = y - originY;
        double col = (dx * rowDy - dy * rowDx) / det;
        double row = (colDx * dy - colDy * dx) / det;
        return new double[] {row, col};
    }

    /** Rotation of the rows from the slide's x axis, degrees (positive: clockwise on screen, y pointing down). */
    public double rotationDegrees() {
        return Math.toDegrees(Math.atan2(colDy, colDx));
    }

    public double colPitch() {
        return Math.hypot(colDx, colDy);
    }

    public double rowPitch() {
        return Math.hypot(rowDx, rowDy);
    }
}
