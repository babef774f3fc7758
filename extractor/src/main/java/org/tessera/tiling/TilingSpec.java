package org.tessera.tiling;

/**
 * How a slide is cut into tiles: {@code tilePx} pixels square at {@code mpp} micrometres per pixel, stepping
 * {@code stridePx} pixels (at the target pixel size) between tile origins, keeping tiles whose tissue
 * fraction is at least {@code minTissue}.
 *
 * <p>Sizes are physical, never "magnification": the default is HEST's 224 px at 0.5 um/px (112 um);
 * PathoMCH's 512 px at 20x is {@code new TilingSpec(512, 0.5, 512, 0.5)}. The grid is anchored at the
 * level-0 origin and laid out row-major (row 0 at the top, columns left to right): tile index =
 * row * columns + col over the full grid, including background tiles that are then dropped.
 */
public record TilingSpec(int tilePx, double mpp, int stridePx, double minTissue) {

    public static final TilingSpec DEFAULT = new TilingSpec(224, 0.5, 224, 0.5);

    public TilingSpec {
        if (tilePx < 16 || tilePx > 8192) {
            throw new IllegalArgumentException("tile size must be 16..8192 px, got " + tilePx);
        }
        if (!(mpp > 0.01 && mpp < 100)) {
            throw new IllegalArgumentException("target pixel size must be 0.01..100 um/px, got " + mpp);
        }
        if (stridePx < 1 || stridePx > 8192) {
            throw new IllegalArgumentException("stride must be 1..8192 px, got " + stridePx);
        }
        if (!(minTissue >= 0 && minTissue <= 1)) {
            throw new IllegalArgumentException("minimum tissue fraction must be in [0,1], got " + minTissue);
        }
    }

    /** Tiles that touch edge to edge: stride equal to the tile size. */
    public static TilingSpec of(int tilePx, double mpp) {
        return new TilingSpec(tilePx, mpp, tilePx, DEFAULT.minTissue());
    }

    /** Side of a tile in micrometres. */
    public double tileMicrons() {
        return tilePx * mpp;
    }

    /** A stable textual key, used to recognise the same tiling across runs. */
    public String key() {
        return "px=" + tilePx + ";mpp=" + mpp + ";stride=" + stridePx + ";tissue=" + minTissue;
    }
}
