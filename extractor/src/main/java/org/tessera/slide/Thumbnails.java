package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;

/**
 * Whole-slide thumbnails for tissue detection: read the smallest pyramid level that is still at least
 * {@code maxSide} pixels on its long side, then shrink it by area averaging (every output pixel is the mean
 * of the block of source pixels it covers, so thin structures fade instead of aliasing). The level is read
 * in horizontal strips so memory stays bounded even for a slide with a single huge level.
 */
final class Thumbnails {

    /**
     * Source pixels read per strip (64 MB as ints). Typical thumbnail levels fit in one strip, which matters
     * for levels with a non-integer downsample: a strip starting at level row r &gt; 0 must be requested at level-0
     * y = round(r * downsample), which OpenSlide then resamples by a fraction of a pixel.
     */
    private static final long STRIP_PIXELS = 1L << 24;
    /**
     * Source pixels per strip when the level's downsample is a whole number (always for a plain image), so strips
     * start at exact level rows: small enough (4 MB as ints) to stay in cache between the read and the sums, and
     * to spare the collector 64 MB arrays.
     */
    private static final long EXACT_STRIP_PIXELS = 1L << 20;

    private Thumbnails() {
    }

    static BufferedImage of(Slide slide, int maxSide) throws IOException {
        checkSide(maxSide);
        int level = levelFor(slide, maxSide);
        Dimensions size = slide.levelDimensions(level);
        long sw = size.width();
        long sh = size.height();
        if (sw > Integer.MAX_VALUE / 3) {
            throw new SlideException(slide.path(), "level " + level + " is too wide for a thumbnail: " + sw + " px");
        }
        Boxes boxes = Boxes.of(sw, sh, maxSide);
        BufferedImage out = Argb.newRgb(boxes.tw(), boxes.th());
        int[] dest = Argb.pixels(out);
        double downsample = slide.levelDownsample(level);
        long stripPixels = downsample == Math.rint(downsample) ? EXACT_STRIP_PIXELS : STRIP_PIXELS;
        int[] columns = new int[3 * (int) sw];
        int th = boxes.th();
        int ty = 0;
        while (ty < th) {
            long y0 = rowStart(ty, sh, th);
            int tyEnd = ty + 1;
            while (tyEnd < th && (rowStart(tyEnd + 1, sh, th) - y0) * sw <= stripPixels) {
                tyEnd++;
            }
            int rows = (int) (rowStart(tyEnd, sh, th) - y0);
            BufferedImage strip = slide.readRegion(0, Math.round(y0 * downsample), level, (int) sw, rows);
            int[] src = Argb.pixels(strip);
            for (int t = ty; t < tyEnd; t++) {
                int r0 = (int) (rowStart(t, sh, th) - y0);
                int r1 = (int) (rowStart(t + 1, sh, th) - y0);
                Arrays.fill(columns, 0);
                addColumnSums(src, (int) sw, r0, r1, columns);
                boxes.average(columns, r1 - r0, dest, t);
            }
            ty = tyEnd;
        }
        return out;
    }

    /**
     * The same thumbnail of a whole decoded image (one level), its rows summed straight from the decoded pixels:
     * no strips of ints in between, the same sums, so the same pixels.
     */
    static BufferedImage of(DecodedImage image, int maxSide) {
        checkSide(maxSide);
        Boxes boxes = Boxes.of(image.width(), image.height(), maxSide);
        BufferedImage out = Argb.newRgb(boxes.tw(), boxes.th());
        int[] dest = Argb.pixels(out);
        int[] columns = new int[3 * image.width()];
        for (int t = 0; t < boxes.th(); t++) {
            int r0 = (int) rowStart(t, image.height(), boxes.th());
            int r1 = (int) rowStart(t + 1, image.height(), boxes.th());
            Arrays.fill(columns, 0);
            image.addColumnSums(r0, r1, columns);
            boxes.average(columns, r1 - r0, dest, t);
        }
        return out;
    }

    static void checkSide(int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("thumbnail side must be at least 1 px, got " + maxSide);
        }
    }

    /**
     * The thumbnail's size for a {@code sw x sh} source, never upscaled, and where each output column's block of
     * source columns starts ({@code colStart[tw]} is {@code sw}).
     */
    private record Boxes(int tw, int th, int[] colStart) {
        static Boxes of(long sw, long sh, int maxSide) {
            double scale = Math.min(1.0, maxSide / (double) Math.max(sw, sh));
            int tw = (int) Math.max(1, Math.round(sw * scale));
            int th = (int) Math.max(1, Math.round(sh * scale));
            int[] colStart = new int[tw + 1];
            for (int tx = 0; tx <= tw; tx++) {
                colStart[tx] = (int) blockStart(tx, sw, tw);
            }
            return new Boxes(tw, th, colStart);
        }

        /**
         * Output row {@code t} from the column sums of its {@code rows} source rows ({@code columns[3c]} blue,
         * {@code [3c + 1]} green, {@code [3c + 2]} red): each block's sum of its columns, divided rounding halves up.
         * Integer sums, so the result does not depend on the order.
         */
        void average(int[] columns, int rows, int[] dest, int t) {
            int offset = t * tw;
            for (int tx = 0; tx < tw; tx++) {
                long sb = 0;
                long sg = 0;
                long sr = 0;
                for (int c = colStart[tx]; c < colStart[tx + 1]; c++) {
                    sb += columns[3 * c];
                    sg += columns[3 * c + 1];
                    sr += columns[3 * c + 2];
                }
                long n = (long) rows * (colStart[tx + 1] - colStart[tx]);
                int r = (int) ((sr + n / 2) / n);
                int g = (int) ((sg + n / 2) / n);
                int b = (int) ((sb + n / 2) / n);
                dest[offset + tx] = r << 16 | g << 8 | b;
            }
        }
    }

    /** The highest level whose long side is still at least {@code maxSide}; level 0 when none is. */
    static int levelFor(Slide slide, int maxSide) {
        for (int level = slide.levelCount() - 1; level > 0; level--) {
            Dimensions d = slide.levelDimensions(level);
            if (Math.max(d.width(), d.height()) >= maxSide) {
                return level;
            }
        }
        return 0;
    }

    private static long rowStart(int ty, long sh, int th) {
        return blockStart(ty, sh, th);
    }

    /**
     * First source pixel of output block {@code t} when {@code n} source pixels shrink to {@code m}:
     * round(t * n / m), halves up, the same boxes as PIL's {@code Image.resize(..., Image.BOX)}.
     */
    static long blockStart(long t, long n, long m) {
        return (2 * t * n + m) / (2 * m);
    }

    /** Adds rows {@code [r0, r1)} of a strip of 0xRRGGBB ints to the column sums, as {@link Boxes#average} takes them. */
    static void addColumnSums(int[] src, int sw, int r0, int r1, int[] columns) {
        for (int r = r0; r < r1; r++) {
            int base = r * sw;
            for (int c = 0; c < sw; c++) {
                int p = src[base + c];
                columns[3 * c] += p & 0xFF;
                columns[3 * c + 1] += (p >>> 8) & 0xFF;
                columns[3 * c + 2] += (p >>> 16) & 0xFF;
            }
        }
    }
}
