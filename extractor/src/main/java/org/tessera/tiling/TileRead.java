package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Objects;
import org.tessera.slide.Slide;

/**
 * How to read one tile from a slide: which pyramid level, and the rectangle there. Kept apart from the read
 * itself so the choice can be tested with plain numbers and logged.
 *
 * <p>The level is the coarsest whose downsample does not exceed the grid's scale by more than 0.1% (pyramid
 * downsamples are rarely exact: 46001/11500 = 4.00009; reading the next finer level would cost up to 4x
 * more pixels for nothing). At that level the tile spans {@code extent / levelDownsample} pixels
 * ({@link #exactWidth()}, fractional); the read covers {@code ceil} of that, and only the exact part is
 * resampled to the tile size.
 *
 * @param level pyramid level to read
 * @param levelDownsample level-0 pixels per pixel of that level
 * @param x level-0 x of the tile
 * @param y level-0 y of the tile
 * @param width pixels to read at {@code level}
 * @param height pixels to read at {@code level}
 * @param exactWidth the tile's width in pixels of {@code level}, {@code <= width}
 * @param exactHeight the tile's height in pixels of {@code level}, {@code <= height}
 */
public record TileRead(int level, double levelDownsample, long x, long y, int width, int height,
        double exactWidth, double exactHeight) {

    /** Relative slack allowed when matching the grid's scale to a level's downsample. */
    public static final double LEVEL_TOLERANCE = 1e-3;

    public TileRead {
        if (level < 0 || !(levelDownsample >= 1) || x < 0 || y < 0) {
            throw new IllegalArgumentException("bad tile read: level " + level + ", downsample " + levelDownsample
                    + ", origin " + x + "," + y);
        }
        if (width <= 0 || height <= 0 || !(exactWidth > 0 && exactWidth <= width)
                || !(exactHeight > 0 && exactHeight <= height)) {
            throw new IllegalArgumentException("bad tile read size: " + width + "x" + height + " for exact "
                    + exactWidth + "x" + exactHeight);
        }
    }

    /** The read of {@code tile} at {@code level}, whose downsample is {@code levelDownsample}. */
    public static TileRead at(Tile tile, int level, double levelDownsample) {
        double ew = tile.width() / levelDownsample;
        double eh = tile.height() / levelDownsample;
        int w = (int) Math.ceil(ew - 1e-9);
        int h = (int) Math.ceil(eh - 1e-9);
        return new TileRead(level, levelDownsample, tile.x(), tile.y(), Math.max(1, w), Math.max(1, h),
                Math.min(ew, Math.max(1, w)), Math.min(eh, Math.max(1, h)));
    }

    /** The read of {@code tile} from {@code slide} for a grid of the given scale (level-0 px per target px). */
    public static TileRead plan(Tile tile, double scale, Slide slide) {
        int level = slide.bestLevelForDownsample(scale * (1 + LEVEL_TOLERANCE));
        return at(tile, level, slide.levelDownsample(level));
    }

    /** Reads the rectangle and resamples it to {@code tilePx x tilePx} TYPE_INT_RGB. */
    public BufferedImage read(Slide slide, int tilePx) throws IOException {
        Objects.requireNonNull(slide, "slide");
        BufferedImage region = slide.readRegion(x, y, level, width, height);
        if (region.getWidth() != width || region.getHeight() != height) {
            throw new IOException(slide.path() + ": asked for a " + width + "x" + height + " region at level "
                    + level + ", got " + region.getWidth() + "x" + region.getHeight());
        }
        return TileResampler.resample(region, exactWidth, exactHeight, tilePx, tilePx);
    }
}
