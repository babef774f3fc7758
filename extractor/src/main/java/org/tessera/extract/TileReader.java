package org.tessera.extract;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Dimensions;
import org.tessera.slide.Slide;
import org.tessera.tiling.Dihedral;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileRead;
import org.tessera.tiling.TileResampler;

/**
 * Turns one tile into the backbones' inputs: read the tile's rectangle from the best pyramid level,
 * resample to the tiling's size, optionally normalise the stain (all once), then resize and normalise into
 * floats once per distinct preprocessing among the backbones.
 * With {@code variants = 8} the input is the 8 dihedral variants of that image one after another (see
 * {@link Dihedral}), which the inference loop embeds and averages. A tile reaching past the slide's edge
 * (a spot patch near the border) is read clipped and padded with white, the slides' background.
 * Thread-safe: slides allow concurrent reads and every step is stateless.
 */
final class TileReader {
    private static final int WHITE = 0xFFFFFF;

    private final Slide slide;
    private final double scale;
    private final int tilePx;
    private final UnaryOperator<BufferedImage> stain;
    private final List<TilePreprocessor> preprocessors;
    private final int variants;
    private final Dimensions level0;

    /**
     * @param scale level-0 pixels per tile pixel (target mpp / slide mpp)
     * @param stain stain normalisation applied to the resampled tile (identity for none)
     * @param preprocessors the run's distinct preprocessings, null where none of the slide's backbones uses one
     * @param variants 1, or {@link Dihedral#COUNT} for test-time augmentation
     */
    TileReader(Slide slide, double scale, int tilePx, UnaryOperator<BufferedImage> stain, List<TilePreprocessor> preprocessors,
            int variants) {
        this.slide = slide;
        this.scale = scale;
        this.tilePx = tilePx;
        this.stain = stain;
        this.preprocessors = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(preprocessors));
        this.variants = variants;
        this.level0 = slide.levelDimensions(0);
    }

    /** One preprocessing, no variants. */
    TileReader(Slide slide, double scale, int tilePx, UnaryOperator<BufferedImage> stain, TilePreprocessor preprocessor) {
        this(slide, scale, tilePx, stain, List.of(preprocessor), 1);
    }

    /** The tile as an RGB image of {@code tilePx} square, stain-normalised when asked. */
    BufferedImage image(Tile tile) throws IOException {
        return stain.apply(resampled(tile));
    }

    /** Preprocessings done per tile read. */
    int preprocessings() {
        return (int) preprocessors.stream().filter(java.util.Objects::nonNull).count();
    }

    /** The tile read once, then {@code [g]}: preprocessing g's floats (all variants), null where not needed. */
    float[][] read(Tile tile) throws IOException {
        return inputs(image(tile));
    }

    /** A tile's inputs (as {@link #read}) and the {@link Sharpness} of its resampled pixels, before any stain normalisation. */
    record Measured(float[][] inputs, double sharpness) {
    }

    /** The tile read once, with its sharpness. */
    Measured readMeasured(Tile tile) throws IOException {
        BufferedImage resampled = resampled(tile);
        return new Measured(inputs(stain.apply(resampled)), Sharpness.of(resampled));
    }

    private float[][] inputs(BufferedImage image) {
        float[][] out = new float[preprocessors.size()][];
        BufferedImage[] views = new BufferedImage[variants];
        for (int k = 0; k < variants; k++) {
            views[k] = variants == 1 ? image : Dihedral.apply(image, k);
        }
        for (int g = 0; g < out.length; g++) {
            TilePreprocessor p = preprocessors.get(g);
            if (p != null) {
                out[g] = new float[variants * p.floatsPerTile()];
                for (int k = 0; k < variants; k++) {
                    p.write(views[k], out[g], k * p.floatsPerTile());
                }
            }
        }
        return out;
    }

    private BufferedImage resampled(Tile tile) throws IOException {
        long x0 = Math.max(0, tile.x());
        long y0 = Math.max(0, tile.y());
        long x1 = Math.min(level0.width(), tile.x() + tile.width());
        long y1 = Math.min(level0.height(), tile.y() + tile.height());
        if (x0 == tile.x() && y0 == tile.y() && x1 == tile.x() + tile.width() && y1 == tile.y() + tile.height()) {
            return TileRead.plan(tile, scale, slide).read(slide, tilePx);
        }
        BufferedImage canvas = new BufferedImage(tilePx, tilePx, BufferedImage.TYPE_INT_RGB);
        int[] white = new int[tilePx * tilePx];
        java.util.Arrays.fill(white, WHITE);
        canvas.setRGB(0, 0, tilePx, tilePx, white, 0, tilePx);
        if (x1 <= x0 || y1 <= y0) {
            return canvas;
        }
        // The part inside the image, resampled to its share of the tile and drawn at its place.
        double px = (double) tilePx / tile.width();
        double py = (double) tilePx / tile.height();
        int left = (int) Math.round((x0 - tile.x()) * px);
        int top = (int) Math.round((y0 - tile.y()) * py);
        int w = Math.max(1, Math.min(tilePx - left, (int) Math.round((x1 - tile.x()) * px) - left));
        int h = Math.max(1, Math.min(tilePx - top, (int) Math.round((y1 - tile.y()) * py) - top));
        Tile inside = new Tile(tile.index(), tile.col(), tile.row(), x0, y0, x1 - x0, y1 - y0, 1);
        TileRead read = TileRead.plan(inside, scale, slide);
        BufferedImage region = slide.readRegion(read.x(), read.y(), read.level(), read.width(), read.height());
        BufferedImage part = TileResampler.resample(region, read.exactWidth(), read.exactHeight(), w, h);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(part, left, top, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
