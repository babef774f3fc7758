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
        int[] grey = grey(image);
        // The Laplacian of 0..255 integers is an integer of at most 4 x 255 in size, so both sums are exact in a long
        // (and equal to the double sums of the plain formula, which stay below 2^53 for any image Java can hold).
        long sum = 0;
        long sumSq = 0;
        for (int y = 0; y < h; y++) {
            int up = (y == 0 ? 1 : y - 1) * w;
            int down = (y == h - 1 ? h - 2 : y + 1) * w;
            int row = y * w;
            int l = grey[up] + grey[down] + 2 * grey[row + 1] - 4 * grey[row]; // reflect-101: left of x = 0 is x = 1
            sum += l;
            sumSq += (long) l * l;
            for (int x = 1; x < w - 1; x++) {
                l = grey[up + x] + grey[down + x] + grey[row + x - 1] + grey[row + x + 1] - 4 * grey[row + x];
                sum += l;
                sumSq += (long) l * l;
            }
            int x = w - 1;
            l = grey[up + x] + grey[down + x] + 2 * grey[row + x - 1] - 4 * grey[row + x];
            sum += l;
            sumSq += (long) l * l;
        }
        double n = (double) w * h;
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }

    /** OpenCV's RGB to grey: (R 4899 + G 9617 + B 1868 + 2^13) >> 14, i.e. 0.299/0.587/0.114 rounded. */
    static int[] grey(BufferedImage image) {
        int[] out = RgbRows.all(image);
        for (int i = 0; i < out.length; i++) {
            int p = out[i];
            out[i] = (((p >> 16) & 0xFF) * 4899 + ((p >> 8) & 0xFF) * 9617 + (p & 0xFF) * 1868 + 8192) >> 14;
        }
        return out;
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
