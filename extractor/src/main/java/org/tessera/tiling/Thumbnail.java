package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Objects;
import org.tessera.slide.Dimensions;
import org.tessera.slide.Slide;

/**
 * A small picture of a whole slide with its scale, the input of tissue detection and of the tiling preview.
 * Read from the coarsest pyramid level that is still at least as fine as wanted, then area-averaged down.
 *
 * @param image TYPE_INT_RGB, longest side at most the requested size
 * @param downsample level-0 pixels per thumbnail pixel (the larger of the two axes' ratios)
 */
public record Thumbnail(BufferedImage image, double downsample) {

    public Thumbnail {
        Objects.requireNonNull(image, "image");
        if (!(downsample > 0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("thumbnail downsample must be positive: " + downsample);
        }
    }

    /**
     * Reads a thumbnail whose longest side is at most {@code maxSide} pixels (never enlarged), through
     * {@link Slide#thumbnail(int)}: the coarsest sufficient pyramid level, area-averaged in strips.
     */
    public static Thumbnail read(Slide slide, int maxSide) throws IOException {
        if (maxSide < 1) {
            throw new IllegalArgumentException("thumbnail side must be positive: " + maxSide);
        }
        Dimensions level0 = slide.levelDimensions(0);
        BufferedImage image = slide.thumbnail(maxSide);
        double downsample = Math.max((double) level0.width() / image.getWidth(), (double) level0.height() / image.getHeight());
        return new Thumbnail(image, downsample);
    }
}
