package org.tessera.tiling;

/**
 * One kept tile: its place in the grid (row-major, see {@link TilingSpec}) and its level-0 rectangle.
 * The rectangle's size is the tile size scaled by (target mpp / slide mpp), rounded to whole level-0 pixels.
 */
public record Tile(int index, int col, int row, long x, long y, long width, long height, double tissueFraction) {
    public Tile {
        if (index < 0 || col < 0 || row < 0) {
            throw new IllegalArgumentException("tile position must be non-negative: " + index + "/" + col + "/" + row);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("tile size must be positive: " + width + "x" + height);
        }
        if (!(tissueFraction >= 0 && tissueFraction <= 1)) {
            throw new IllegalArgumentException("tissue fraction must be in [0,1]: " + tissueFraction);
        }
    }
}
