package org.tessera.tissue;

import java.util.Arrays;
import java.util.BitSet;
import org.tessera.slide.Dimensions;

/**
 * Where the tissue is, at thumbnail resolution, with the scale back to level 0. Immutable. Kept as a packed
 * bit set plus a summed-area table so that the tissue fraction of any level-0 rectangle is O(1), which is
 * what tiling needs for each of tens of thousands of candidate tiles.
 *
 * <p>Mask pixel {@code (i, j)} covers the level-0 square {@code [i*d, (i+1)*d) x [j*d, (j+1)*d)}, {@code d}
 * being the downsample. {@link #fraction} is exactly area-weighted: a rectangle that covers part of a mask
 * pixel counts that pixel in proportion to the covered area (the integral of a piecewise-constant image is
 * the bilinear interpolation of its summed-area table). Area outside the mask counts as background.
 */
public final class TissueMask {
    private final int width;
    private final int height;
    private final double downsample;
    private final long[] bits;
    private final int[] integral;

    private TissueMask(int width, int height, double downsample, BitSet tissue) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        if (!(downsample > 0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("downsample must be positive and finite: " + downsample);
        }
        if ((long) width * height > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("mask too large: " + width + "x" + height);
        }
        if (tissue.length() > width * height) {
            throw new IllegalArgumentException(
                    "tissue bit " + (tissue.length() - 1) + " lies outside a " + width + "x" + height + " mask");
        }
        this.width = width;
        this.height = height;
        this.downsample = downsample;
        this.bits = tissue.toLongArray();
        this.integral = new int[(width + 1) * (height + 1)];
        long[] words = Arrays.copyOf(bits, (width * height + 63) >>> 6); // toLongArray drops trailing zeros
        for (int y = 0; y < height; y++) {
            int rowSum = 0;
            int above = y * (width + 1) + 1;
            int here = above + width + 1;
            for (int x = 0, i = y * width; x < width; x++, i++) {
                rowSum += (int) (words[i >>> 6] >>> i) & 1;
                integral[here + x] = integral[above + x] + rowSum;
            }
        }
    }

    /**
     * A mask from its tissue pixels, bit {@code y * width + x}.
     *
     * @param downsample level-0 pixels per mask pixel
     */
    public static TissueMask of(int width, int height, double downsample, BitSet tissue) {
        return new TissueMask(width, height, downsample, (BitSet) tissue.clone());
    }

    /** A one-pixel mask that calls the whole of a level-0 image tissue (for tiling without detection). */
    public static TissueMask everywhere(Dimensions level0) {
        BitSet all = new BitSet(1);
        all.set(0);
        return new TissueMask(1, 1, Math.max(level0.width(), level0.height()), all);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Level-0 pixels per mask pixel. */
    public double downsample() {
        return downsample;
    }

    /** Whether mask pixel {@code (x, y)} is tissue; false outside the mask. */
    public boolean isTissue(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        int i = y * width + x;
        return (bits.length > i >> 6) && (bits[i >> 6] & (1L << i)) != 0;
    }

    /** Whether the level-0 point lies in a tissue pixel of the mask. */
    public boolean isTissueAt(double level0X, double level0Y) {
        return isTissue((int) Math.floor(level0X / downsample), (int) Math.floor(level0Y / downsample));
    }

    /** Number of tissue pixels in the mask. */
    public int tissuePixels() {
        return integral[integral.length - 1];
    }

    /** Fraction of the mask's pixels that are tissue. */
    public double tissueFraction() {
        return (double) tissuePixels() / ((double) width * height);
    }

    /** A copy of the tissue pixels, bit {@code y * width + x}. */
    public BitSet toBitSet() {
        return BitSet.valueOf(bits);
    }

    /**
     * Area-weighted fraction of tissue in the level-0 rectangle {@code [x0, x0+w0) x [y0, y0+h0)}, in [0, 1].
     *
     * @throws IllegalArgumentException when the rectangle is empty
     */
    public double fraction(long x0, long y0, long w0, long h0) {
        if (w0 <= 0 || h0 <= 0) {
            throw new IllegalArgumentException("rectangle must be non-empty: " + w0 + "x" + h0);
        }
        double ax = clamp(x0 / downsample, width);
        double bx = clamp((x0 + w0) / downsample, width);
        double ay = clamp(y0 / downsample, height);
        double by = clamp((y0 + h0) / downsample, height);
        double area = (w0 / downsample) * (h0 / downsample);
        if (bx <= ax || by <= ay) {
            return 0;
        }
        double inside = cumulative(bx, by) - cumulative(ax, by) - cumulative(bx, ay) + cumulative(ax, ay);
        return Math.min(1, Math.max(0, inside / area));
    }

    /** Tissue area in {@code [0, x) x [0, y)} (mask pixels), x in [0, width], y in [0, height]. */
    private double cumulative(double x, double y) {
        int i = Math.min((int) x, width - 1);
        int j = Math.min((int) y, height - 1);
        double fx = x - i;
        double fy = y - j;
        int stride = width + 1;
        double s00 = integral[j * stride + i];
        double s10 = integral[j * stride + i + 1];
        double s01 = integral[(j + 1) * stride + i];
        double s11 = integral[(j + 1) * stride + i + 1];
        return s00 + fx * (s10 - s00) + fy * (s01 - s00) + fx * fy * (s11 - s10 - s01 + s00);
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : (v > max ? max : v);
    }

    @Override
    public String toString() {
        return "TissueMask[" + width + "x" + height + ", downsample " + downsample + ", tissue "
                + String.format(java.util.Locale.ROOT, "%.4f", tissueFraction()) + "]";
    }
}
