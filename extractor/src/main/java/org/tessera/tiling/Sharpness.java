package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.tessera.slide.Slide;

/**
 * Tile sharpness as EMO measures it: the variance of the Laplacian of the grey tile at tile resolution,
 * {@code cv2.Laplacian(cv2.cvtColor(tile, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var()}. Grey is OpenCV's rounded
 * fixed-point 0.299 R + 0.587 G + 0.114 B (0..255 integers); the Laplacian is the 3x3 kernel
 * (0 1 0 / 1 -4 1 / 0 1 0) with OpenCV's default border (reflect-101: the row beyond the edge mirrors the row
 * next to it); the variance is the population variance over all pixels. Out-of-focus tiles have little
 * high-frequency content and a small variance.
 */
public final class Sharpness {
    /**
     * Tiles below this are called blurred: crossed on the preview and dropped by {@code --min-sharpness} given
     * without a value. Chosen on the eight shared slides at 224 px / 0.5 um/px (docs/benchmarks.md, "Tile
     * sharpness", {@code tessera benchmark sharpness}): the smallest of 5, 8, 10, 12, 15, 20, 25 below which
     * every tile falls once blurred with a Gaussian of sigma 3 px (1.5 um); it keeps every tile of the two Aperio
     * scans and 97.8% of the HER2ST tiles (those below are near-blank tiles and the softest of section B4).
     */
    public static final double DEFAULT_MIN = 15;

    private Sharpness() {
    }

    /** Variance of the Laplacian of the image's grey levels. */
    public static double of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 2 || h < 2) {
            throw new IllegalArgumentException("sharpness needs an image of at least 2 x 2 pixels, got " + w + " x " + h);
        }
        Scratch scratch = SCRATCH.get().ensure(w);
        int[] grey = scratch.grey(image);
        // Each row's four neighbours are copied into rows of their own (reflect-101 at the ends: left of x = 0 is
        // x = 1), so that one loop reads all five at the same index, which the JIT vectorises (with the neighbours
        // read at offsets of one array it stays scalar, twice as slow). |l| <= 4 x 255, so a run of at most ROW_RUN
        // values cannot overflow an int even squared; the sums are exact integers, so adding them up per run
        // instead of per pixel gives the same totals (and those equal the double sums of the plain formula, which
        // stay below 2^53 for any image Java can hold).
        int[] up = scratch.up;
        int[] down = scratch.down;
        int[] left = scratch.left;
        int[] centre = scratch.centre;
        int[] right = scratch.right;
        long sum = 0;
        long sumSq = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            System.arraycopy(grey, (y == 0 ? 1 : y - 1) * w, up, 0, w);
            System.arraycopy(grey, (y == h - 1 ? h - 2 : y + 1) * w, down, 0, w);
            System.arraycopy(grey, row, centre, 0, w);
            System.arraycopy(grey, row, left, 1, w - 1);
            left[0] = grey[row + 1];
            System.arraycopy(grey, row + 1, right, 0, w - 1);
            right[w - 1] = grey[row + w - 2];
            for (int start = 0; start < w; start += ROW_RUN) {
                int s = 0;
                int q = 0;
                for (int i = start, end = Math.min(w, start + ROW_RUN); i < end; i++) {
                    int l = up[i] + down[i] + left[i] + right[i] - 4 * centre[i];
                    s += l;
                    q += l * l;
                }
                sum += s;
                sumSq += q;
            }
        }
        double n = (double) w * h;
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }

    /** Laplacian values summed in an int at a time: 2048 x 1020^2 < 2^31. */
    private static final int ROW_RUN = 2048;
    /** The largest grey buffer a thread keeps (4 MB): tiles are far smaller, a whole image once is not kept. */
    private static final int KEPT_PIXELS = 1 << 20;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One thread's working buffers (a tile's grey levels, a row's neighbours each in an array of its own), kept. */
    private static final class Scratch {
        int[] grey = new int[0];
        int[] up = new int[0];
        int[] down = new int[0];
        int[] left = new int[0];
        int[] centre = new int[0];
        int[] right = new int[0];

        Scratch ensure(int width) {
            if (up.length < width) {
                up = new int[width];
                down = new int[width];
                left = new int[width];
                centre = new int[width];
                right = new int[width];
            }
            return this;
        }

        /**
         * OpenCV's RGB to grey: (R 4899 + G 9617 + B 1868 + 2^13) >> 14, i.e. 0.299/0.587/0.114 rounded; into the
         * thread's buffer, grown for larger images up to {@link #KEPT_PIXELS} (a larger image gets an array of its
         * own).
         */
        int[] grey(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            int[] out = grey;
            if (out.length < w * h) {
                out = new int[w * h];
                if (out.length <= KEPT_PIXELS) {
                    grey = out;
                }
            }
            RgbRows rows = new RgbRows(image);
            for (int y = 0; y < h; y++) {
                rows.read(y, w, out, y * w);
            }
            for (int i = 0, n = w * h; i < n; i++) {
                int p = out[i];
                out[i] = (((p >> 16) & 0xFF) * 4899 + ((p >> 8) & 0xFF) * 9617 + (p & 0xFF) * 1868 + 8192) >> 14;
            }
            return out;
        }
    }

    /**
     * The sharpness of each tile, in the order given, each read from the best pyramid level and resampled to
     * {@code tilePx} exactly as the extraction reads it.
     *
     * @param scale level-0 pixels per tile pixel (target mpp / slide mpp)
     */
    public static double[] ofTiles(Slide slide, List<Tile> tiles, double scale, int tilePx) throws IOException {
        double[] out = new double[tiles.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(TileRead.plan(tiles.get(i), scale, slide).read(slide, tilePx));
        }
        return out;
    }
}
