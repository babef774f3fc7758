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
        if (maxSide < 1) {
            throw new IllegalArgumentException("thumbnail side must be at least 1 px, got " + maxSide);
        }
        int level = levelFor(slide, maxSide);
        Dimensions size = slide.levelDimensions(level);
        long sw = size.width();
        long sh = size.height();
        double scale = Math.min(1.0, maxSide / (double) Math.max(sw, sh));
        int tw = (int) Math.max(1, Math.round(sw * scale));
        int th = (int) Math.max(1, Math.round(sh * scale));
        if (sw > Integer.MAX_VALUE / 2) {
            throw new SlideException(slide.path(), "level " + level + " is too wide for a thumbnail: " + sw + " px");
        }
        int[] colStart = new int[tw + 1];
        for (int tx = 0; tx <= tw; tx++) {
            colStart[tx] = (int) blockStart(tx, sw, tw);
        }
        BufferedImage out = Argb.newRgb(tw, th);
        int[] dest = Argb.pixels(out);
        double downsample = slide.levelDownsample(level);
        long stripPixels = downsample == Math.rint(downsample) ? EXACT_STRIP_PIXELS : STRIP_PIXELS;
        long[] sums = new long[3 * tw];
        int[][] columns = new int[3][(int) sw];
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
                average(src, (int) sw, (int) (rowStart(t, sh, th) - y0), (int) (rowStart(t + 1, sh, th) - y0),
                        colStart, sums, dest, t * tw, columns);
            }
            ty = tyEnd;
        }
        return out;
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

    /**
     * Averages source rows [r0, r1) of a strip into one output row, block by block: first each source column's
     * sums over the rows (one straight pass over the pixels), then each block's sum of its columns. Integer sums,
     * so the result does not depend on the order.
     */
    private static void average(int[] src, int sw, int r0, int r1, int[] colStart, long[] sums, int[] dest, int offset,
            int[][] columns) {
        int tw = colStart.length - 1;
        int[] red = columns[0];
        int[] green = columns[1];
        int[] blue = columns[2];
        Arrays.fill(red, 0);
        Arrays.fill(green, 0);
        Arrays.fill(blue, 0);
        for (int r = r0; r < r1; r++) {
            int base = r * sw;
            for (int c = 0; c < sw; c++) {
                int p = src[base + c];
                red[c] += (p >>> 16) & 0xFF;
                green[c] += (p >>> 8) & 0xFF;
                blue[c] += p & 0xFF;
            }
        }
        Arrays.fill(sums, 0);
        for (int tx = 0; tx < tw; tx++) {
            long sr = 0;
            long sg = 0;
            long sb = 0;
            for (int c = colStart[tx]; c < colStart[tx + 1]; c++) {
                sr += red[c];
                sg += green[c];
                sb += blue[c];
            }
            sums[3 * tx] = sr;
            sums[3 * tx + 1] = sg;
            sums[3 * tx + 2] = sb;
        }
        for (int tx = 0; tx < tw; tx++) {
            long n = (long) (r1 - r0) * (colStart[tx + 1] - colStart[tx]);
            int r = (int) ((sums[3 * tx] + n / 2) / n);
            int g = (int) ((sums[3 * tx + 1] + n / 2) / n);
            int b = (int) ((sums[3 * tx + 2] + n / 2) / n);
            dest[offset + tx] = r << 16 | g << 8 | b;
        }
    }
}
