package org.tessera.slide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The one entry point for opening a slide: chooses the reader by probing the file's content, never its name.
 * OpenSlide is asked first (it recognises SVS, NDPI, MRXS, tiled TIFF, ...); a JPEG-tiled SVS or generic TIFF
 * then gets the direct tile reader ({@link DirectJpegSlide}) when it reproduces OpenSlide's pixels. Failing
 * OpenSlide, ImageIO (JPEG, PNG, single-level TIFF); failing both, the file is not a slide.
 */
public final class Slides {

    private Slides() {
    }

    /** Opens a slide with the pixel size from its metadata (if any). */
    public static Slide open(Path path) throws SlideException {
        return open(path, OptionalDouble.empty());
    }

    /**
     * Opens a slide.
     *
     * @param mppOverride micrometres per level-0 pixel replacing whatever the file says, when present
     * @throws SlideException when the file is missing, unrecognised, or unreadable; the message names the file
     */
    public static Slide open(Path path, OptionalDouble mppOverride) throws SlideException {
        Objects.requireNonNull(path, "path");
        checkOverride(mppOverride);
        if (!Files.exists(path)) {
            throw new SlideException(path, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new SlideException(path, "not a regular file");
        }
        if (OpenSlideNative.available() && OpenSlideNative.detectVendor(path).isPresent()) {
            return DirectJpegSlide.wrap(OpenSlideSlide.open(path, mppOverride), Slides::say);
        }
        if (ImageSlide.recognises(path)) {
            return ImageSlide.open(path, mppOverride);
        }
        String openSlide = OpenSlideNative.available() ? "" : "; " + OpenSlideNative.INSTALL_HINT;
        throw new SlideException(path, "not a slide: neither OpenSlide nor ImageIO recognises its content" + openSlide);
    }

    /** One line on standard error, for the rare thing a user should know but that is no error. */
    private static void say(String line) {
        System.err.println("tessera: " + line);
    }

    /** Rejects a region (or image) size that is not positive or exceeds {@link OpenSlideSlide#MAX_REGION_PIXELS}. */
    static void checkRegionSize(Path path, long w, long h) {
        if (w <= 0 || h <= 0 || w * h > OpenSlideSlide.MAX_REGION_PIXELS) {
            throw new IllegalArgumentException(path + ": region size " + w + "x" + h
                    + " must be positive and at most " + OpenSlideSlide.MAX_REGION_PIXELS + " pixels");
        }
    }

    /** Rejects a non-positive or non-finite pixel size override. */
    static void checkOverride(OptionalDouble mppOverride) {
        Objects.requireNonNull(mppOverride, "mppOverride");
        if (mppOverride.isPresent() && !(mppOverride.getAsDouble() > 0 && Double.isFinite(mppOverride.getAsDouble()))) {
            throw new IllegalArgumentException("pixel size override must be a positive number of um/px, got "
                    + mppOverride.getAsDouble());
        }
    }
}
