package org.tessera.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileRead;

/**
 * Turns one tile into the backbone's input: read the tile's rectangle from the best pyramid level,
 * resample to the tiling's size, optionally normalise the stain, then resize and normalise into CHW floats.
 * Thread-safe: slides allow concurrent reads and every step is stateless.
 */
final class TileReader {
    private final Slide slide;
    private final double scale;
    private final int tilePx;
    private final UnaryOperator<BufferedImage> stain;
    private final TilePreprocessor preprocessor;

    /**
     * @param scale level-0 pixels per tile pixel (target mpp / slide mpp)
     * @param stain stain normalisation applied to the resampled tile (identity for none)
     */
    TileReader(Slide slide, double scale, int tilePx, UnaryOperator<BufferedImage> stain, TilePreprocessor preprocessor) {
        this.slide = slide;
        this.scale = scale;
        this.tilePx = tilePx;
        this.stain = stain;
        this.preprocessor = preprocessor;
    }

    /** The tile as an RGB image of {@code tilePx} square, stain-normalised when asked. */
    BufferedImage image(Tile tile) throws IOException {
        return stain.apply(TileRead.plan(tile, scale, slide).read(slide, tilePx));
    }

    float[] read(Tile tile) throws IOException {
        float[] out = new float[preprocessor.floatsPerTile()];
        preprocessor.write(image(tile), out, 0);
        return out;
    }
}
