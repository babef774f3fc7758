package org.tessera.tiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tessera.slide.Dimensions;
import org.tessera.tissue.TissueMask;

/**
 * The tiles of one slide under one {@link TilingSpec}: the full grid's size and the tiles kept for having
 * enough tissue. Geometry, rounding and scan order are documented in the package comment; this record is the
 * only place they are computed, so the extractor, the preview and the heat maps agree.
 *
 * @param level0 the slide's level-0 size
 * @param slideMpp micrometres per level-0 pixel
 * @param spec the tiling
 * @param columns columns of the full grid (whole tiles only; 0 when the slide is narrower than a tile)
 * @param rows rows of the full grid
 * @param tiles kept tiles ({@code tissueFraction >= spec.minTissue()}), in increasing index
 */
public record TileGrid(Dimensions level0, double slideMpp, TilingSpec spec, int columns, int rows,
        List<Tile> tiles) {

    public TileGrid {
        Objects.requireNonNull(level0, "level0");
        Objects.requireNonNull(spec, "spec");
        if (!(slideMpp > 0) || Double.isInfinite(slideMpp)) {
            throw new IllegalArgumentException("slide pixel size must be positive, got " + slideMpp + " um/px");
        }
        if (columns < 0 || rows < 0) {
            throw new IllegalArgumentException("grid size must be non-negative: " + columns + "x" + rows);
        }
        tiles = List.copyOf(tiles);
    }

    /**
     * Lays the grid over level 0 and keeps the tiles whose area-weighted tissue fraction in {@code mask} is at
     * least {@code spec.minTissue()}. Use {@link TissueMask#everywhere} to keep every tile.
     *
     * @throws IllegalArgumentException when the grid would have more than {@link Integer#MAX_VALUE} cells
     */
    public static TileGrid plan(Dimensions level0, double slideMpp, TilingSpec spec, TissueMask mask) {
        Objects.requireNonNull(mask, "mask");
        if (!(slideMpp > 0) || Double.isInfinite(slideMpp)) {
            throw new IllegalArgumentException("slide pixel size must be positive, got " + slideMpp + " um/px");
        }
        double scale = spec.mpp() / slideMpp;
        int columns = count(level0.width(), spec, scale);
        int rows = count(level0.height(), spec, scale);
        if ((long) columns * rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a grid of " + columns + "x" + rows + " tiles is too large; "
                    + "use a larger stride than " + spec.stridePx() + " px");
        }
        List<Tile> kept = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            long y = start(row, spec, scale);
            long h = end(row, spec, scale) - y;
            for (int col = 0; col < columns; col++) {
                long x = start(col, spec, scale);
                long w = end(col, spec, scale) - x;
                double fraction = mask.fraction(x, y, w, h);
                if (fraction >= spec.minTissue()) {
                    kept.add(new Tile(row * columns + col, col, row, x, y, w, h, fraction));
                }
            }
        }
        return new TileGrid(level0, slideMpp, spec, columns, rows, kept);
    }

    /** Level-0 pixels per target pixel: {@code spec.mpp() / slideMpp}. */
    public double scale() {
        return spec.mpp() / slideMpp;
    }

    /** The nominal level-0 side of a tile, {@code tilePx * scale}; actual extents are this rounded, +-1. */
    public double tileSizeLevel0() {
        return spec.tilePx() * scale();
    }

    /** Cells in the full grid, background included. */
    public int cellCount() {
        return columns * rows;
    }

    /** Level-0 start of column (or row) {@code i}: {@code round(i * stride * scale)}. */
    static long start(int i, TilingSpec spec, double scale) {
        return Math.round((double) ((long) i * spec.stridePx()) * scale);
    }

    /** Level-0 end (exclusive) of column (or row) {@code i}: {@code round((i * stride + tilePx) * scale)}. */
    static long end(int i, TilingSpec spec, double scale) {
        return Math.round((double) ((long) i * spec.stridePx() + spec.tilePx()) * scale);
    }

    /** Number of whole tiles along an axis of {@code length} level-0 pixels. */
    private static int count(long length, TilingSpec spec, double scale) {
        double estimate = (length / scale - spec.tilePx()) / spec.stridePx() + 1;
        long n = Math.max(0, (long) Math.floor(estimate));
        while (n > 0 && end((int) Math.min(n - 1, Integer.MAX_VALUE), spec, scale) > length) {
            n--;
        }
        while (n < Integer.MAX_VALUE && end((int) n, spec, scale) <= length) {
            n++;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many tiles along an axis of " + length + " px");
        }
        return (int) n;
    }
}
