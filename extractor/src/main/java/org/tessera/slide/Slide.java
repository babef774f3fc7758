package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A whole-slide image opened for reading: a pyramid of levels, level 0 being full resolution.
 *
 * <p>Coordinates are level-0 pixels throughout: {@code x} grows to the right, {@code y} downwards, origin at
 * the top-left corner of level 0. A region read at level {@code L} starts at a level-0 point and spans
 * {@code w x h} pixels of level {@code L}.
 *
 * <p>Three implementations exist: {@link OpenSlideSlide} (Aperio, Hamamatsu, ... through the system OpenSlide),
 * {@link DirectJpegSlide} (JPEG-tiled TIFF and SVS, tiles decoded directly, OpenSlide for the rest) and
 * {@link ImageSlide} (plain JPEG/PNG/TIFF, one level). {@link Slides#open} chooses by the file's content. Implementations are safe for concurrent reads from several threads and must be closed.
 */
public interface Slide extends AutoCloseable {

    /** The file this slide was opened from. */
    Path path();

    /** The vendor or format as detected ("aperio", "image/jpeg", ...). */
    String vendor();

    /**
     * Which code decodes the pixels: "openslide" ({@link OpenSlideSlide}), "direct-jpeg" ({@link DirectJpegSlide}:
     * stored JPEG tiles through libjpeg-turbo), "turbojpeg" or "imageio" ({@link ImageSlide}). Recorded per
     * extraction run; the pixels are the same whichever reader is used.
     */
    String reader();

    int levelCount();

    /** Width and height of a level, in that level's pixels. */
    Dimensions levelDimensions(int level);

    /** Level-0 pixels per pixel of {@code level} (1.0 for level 0). */
    double levelDownsample(int level);

    /**
     * Micrometres per level-0 pixel, from the file's metadata or the user's override; empty when unknown.
     * Square pixels are assumed (x resolution); callers needing a pixel size use {@link #requireMpp()}.
     */
    OptionalDouble mpp();

    /** Nominal objective power (Aperio AppMag), when the file states it. */
    OptionalDouble objectivePower();

    /** Vendor properties, OpenSlide's names ("openslide.mpp-x", "aperio.AppMag", ...). */
    Map<String, String> properties();

    /** A fingerprint of the slide's content, stable across renames and moves (quickhash-1 or sha256). */
    String fingerprint();

    Set<String> associatedImageNames();

    BufferedImage associatedImage(String name) throws IOException;

    /**
     * Reads a region as opaque RGB ({@link BufferedImage#TYPE_INT_RGB}). Pixels outside the slide or
     * transparent in it are composited over the slide's background colour (white when unstated).
     *
     * @param x level-0 x of the top-left corner
     * @param y level-0 y of the top-left corner
     * @param level pyramid level to read from
     * @param w width in pixels of {@code level}
     * @param h height in pixels of {@code level}
     */
    BufferedImage readRegion(long x, long y, int level, int w, int h) throws IOException;

    /** The largest-downsample level whose downsample does not exceed {@code downsample} (level 0 at worst). */
    default int bestLevelForDownsample(double downsample) {
        int best = 0;
        for (int level = 1; level < levelCount(); level++) {
            if (levelDownsample(level) <= downsample * (1 + 1e-9)) {
                best = level;
            }
        }
        return best;
    }

    /** Micrometres per level-0 pixel, or a {@link SlideException} that names the file and says to pass --mpp. */
    default double requireMpp() throws SlideException {
        return mpp().orElseThrow(() -> new SlideException(path(),
                "no pixel size in the file's metadata; give it with --mpp (micrometres per pixel at full resolution)"));
    }

    /**
     * A downsampled RGB image of the whole slide whose long side is {@code maxSide} pixels (level 0's own
     * size when that is smaller: never upscaled): read from the smallest level still at least {@code maxSide} on
     * its long side, then shrunk by area averaging: pixel {@code (i, j)} is the mean of the level's pixels from
     * {@code round(i * W / width)} to {@code round((i + 1) * W / width)} (exclusive; likewise for y), W being
     * that level's width; scale by {@code levelDimensions(0)} / thumbnail size to map back to level 0.
     */
    default BufferedImage thumbnail(int maxSide) throws IOException {
        return Thumbnails.of(this, maxSide);
    }

    /** Releases native resources; reads after close throw. */
    @Override
    void close();
}
