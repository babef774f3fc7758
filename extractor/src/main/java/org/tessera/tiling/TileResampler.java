package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/**
 * Resizes a region read from a slide to the tile size the backbone expects. Runs once per tile, so it works
 * on int arrays row by row (one float row buffer, no per-pixel method calls).
 *
 * <p>Filter, separable, chosen per axis: when shrinking (source longer than target) each output pixel is the
 * exact area average of the source pixels it covers, fractional pixels weighted by the covered fraction, so
 * no source pixel is skipped whatever the ratio (bilinear would alias beyond 2x); when enlarging, bilinear
 * interpolation between pixel centres (edges clamped). A 1:1 resize is the identity. Output channels are
 * rounded half-up and clamped to 0..255.
 */
public final class TileResampler {
    private TileResampler() {
    }

    /** The whole image resized to {@code side x side}, as {@link BufferedImage#TYPE_INT_RGB}. */
    public static BufferedImage resample(BufferedImage source, int side) {
        return resample(source, source.getWidth(), source.getHeight(), side, side);
    }

    /**
     * The region {@code [0, sourceWidth) x [0, sourceHeight)} of {@code source} (fractional extents allowed:
     * the last column/row then counts in proportion) resized to {@code width x height}, TYPE_INT_RGB.
     */
    public static BufferedImage resample(BufferedImage source, double sourceWidth, double sourceHeight, int width,
            int height) {
        Objects.requireNonNull(source, "source");
        if (!(sourceWidth > 0 && sourceWidth <= source.getWidth() && sourceHeight > 0
                && sourceHeight <= source.getHeight())) {
            throw new IllegalArgumentException("source region " + sourceWidth + "x" + sourceHeight
                    + " must be non-empty and within the " + source.getWidth() + "x" + source.getHeight() + " image");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
        }
        Weights horizontal = Weights.of(sourceWidth, width);
        Weights vertical = Weights.of(sourceHeight, height);
        int inWidth = (int) Math.ceil(sourceWidth);
        int inHeight = (int) Math.ceil(sourceHeight);
        // Separable: each source row is resized horizontally once (into 3 float planes per row), then each
        // output row blends the few resized rows its vertical weights name. The buffers are per thread and
        // reused: a tile's resized rows take up to a few MB, which would otherwise be allocated for every tile.
        Scratch scratch = SCRATCH.get().ensure(inWidth + horizontal.stride, inHeight * width * 3, width * 3);
        RgbRows rows = new RgbRows(source);
        int[] row = scratch.row;
        float[] red = scratch.red;
        float[] green = scratch.green;
        float[] blue = scratch.blue;
        float[] resized = scratch.resized;
        for (int y = 0; y < inHeight; y++) {
            rows.read(y, inWidth, row);
            if (horizontal.stride == 2) {
                horizontal2(horizontal, row, resized, y * width * 3, width);
                continue;
            }
            for (int x = 0; x < inWidth; x++) {
                int p = row[x];
                red[x] = (p >> 16) & 0xFF;
                green[x] = (p >> 8) & 0xFF;
                blue[x] = p & 0xFF;
            }
            horizontal(horizontal, red, green, blue, resized, y * width * 3, width);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] outPixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        float[] acc = scratch.acc;
        int[] channels = scratch.channels;
        int rowFloats = width * 3;
        for (int oy = 0; oy < height; oy++) {
            int w0 = oy * vertical.stride;
            if (vertical.counts[oy] == 2) {
                // The common case of enlarging, in one pass: (0 + wa*a) + wb*b, as the general loop adds.
                float wa = vertical.weights[w0];
                float wb = vertical.weights[w0 + 1];
                int a = vertical.firsts[oy] * rowFloats;
                int b = a + rowFloats;
                for (int i = 0; i < rowFloats; i++) {
                    channels[i] = channel(wa * resized[a + i] + wb * resized[b + i]);
                }
            } else {
                java.util.Arrays.fill(acc, 0, rowFloats, 0f);
                for (int k = 0, n = vertical.counts[oy]; k < n; k++) {
                    float w = vertical.weights[w0 + k];
                    int base = (vertical.firsts[oy] + k) * rowFloats;
                    for (int i = 0; i < rowFloats; i++) {
                        acc[i] += w * resized[base + i];
                    }
                }
                for (int i = 0; i < rowFloats; i++) {
                    channels[i] = channel(acc[i]);
                }
            }
            int o = oy * width;
            for (int x = 0; x < width; x++) {
                outPixels[o + x] = channels[x] << 16 | channels[x + width] << 8 | channels[x + 2 * width];
            }
        }
        return out;
    }

    /**
     * One source row (planes {@code red, green, blue}, zero past the row's end) resized into
     * {@code resized[base ..]} as three planes of {@code width}. Every output takes {@code stride} taps: the weights
     * are zero-padded, and adding {@code 0 * 0} to a non-negative sum leaves it unchanged, so the result is that of
     * taking only each output's own taps, in the same order.
     */
    private static void horizontal(Weights h, float[] red, float[] green, float[] blue, float[] resized, int base, int width) {
        int[] firsts = h.firsts;
        float[] weights = h.weights;
        if (h.stride == 3) {
            for (int ox = 0; ox < width; ox++) {
                int f = firsts[ox];
                float wa = weights[3 * ox];
                float wb = weights[3 * ox + 1];
                float wc = weights[3 * ox + 2];
                int o = base + ox;
                resized[o] = wa * red[f] + wb * red[f + 1] + wc * red[f + 2];
                resized[o + width] = wa * green[f] + wb * green[f + 1] + wc * green[f + 2];
                resized[o + 2 * width] = wa * blue[f] + wb * blue[f + 1] + wc * blue[f + 2];
            }
            return;
        }
        int stride = h.stride;
        for (int ox = 0; ox < width; ox++) {
            float r = 0;
            float g = 0;
            float b = 0;
            int first = firsts[ox];
            int w0 = ox * stride;
            for (int k = 0; k < stride; k++) {
                float w = weights[w0 + k];
                r += w * red[first + k];
                g += w * green[first + k];
                b += w * blue[first + k];
            }
            int o = base + ox;
            resized[o] = r;
            resized[o + width] = g;
            resized[o + 2 * width] = b;
        }
    }

    /**
     * {@link #horizontal} for two taps, reading the packed source row directly: the same products and sums (an
     * 8-bit channel converts to the same float either way), without unpacking the row into three planes first.
     */
    private static void horizontal2(Weights h, int[] row, float[] resized, int base, int width) {
        int[] firsts = h.firsts;
        float[] weights = h.weights;
        for (int ox = 0; ox < width; ox++) {
            int f = firsts[ox];
            float wa = weights[2 * ox];
            float wb = weights[2 * ox + 1];
            int p = row[f];
            int q = row[f + 1];
            int o = base + ox;
            resized[o] = wa * ((p >> 16) & 0xFF) + wb * ((q >> 16) & 0xFF);
            resized[o + width] = wa * ((p >> 8) & 0xFF) + wb * ((q >> 8) & 0xFF);
            resized[o + 2 * width] = wa * (p & 0xFF) + wb * (q & 0xFF);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One thread's working buffers, grown as needed and kept. */
    private static final class Scratch {
        int[] row = new int[0];
        float[] red = new float[0];
        float[] green = new float[0];
        float[] blue = new float[0];
        float[] resized = new float[0];
        float[] acc = new float[0];
        int[] channels = new int[0];

        Scratch ensure(int rowLength, int resizedLength, int accLength) {
            if (row.length < rowLength) {
                // Kept zero past each row's end: the zero-padded taps of the last outputs read there.
                row = new int[rowLength];
                red = new float[rowLength];
                green = new float[rowLength];
                blue = new float[rowLength];
            }
            if (resized.length < resizedLength) {
                resized = new float[resizedLength];
            }
            if (acc.length < accLength) {
                acc = new float[accLength];
                channels = new int[accLength];
            }
            return this;
        }
    }

    /** Rounded half up and clamped; the sums are of non-negative weights times 0..255, so truncation is floor. */
    private static int channel(float v) {
        return Math.min(Math.max((int) (v + 0.5f), 0), 255);
    }

    /**
     * Per output index {@code i}: the first source index {@code firsts[i]} and {@code counts[i]} normalised
     * weights of consecutive source pixels at {@code weights[i * stride ...]} (flat, for tight loops).
     */
    private record Weights(int[] firsts, int[] counts, float[] weights, int stride) {
        static Weights of(double sourceLength, int n) {
            int last = (int) Math.ceil(sourceLength) - 1;
            double ratio = sourceLength / n;
            int[] firsts = new int[n];
            float[][] taps = new float[n][];
            for (int i = 0; i < n; i++) {
                if (ratio >= 1) {
                    double a = i * ratio;
                    double b = Math.min(sourceLength, (i + 1) * ratio);
                    int j0 = (int) Math.floor(a);
                    int j1 = Math.min(last, (int) Math.ceil(b) - 1);
                    float[] w = new float[j1 - j0 + 1];
                    for (int j = j0; j <= j1; j++) {
                        w[j - j0] = (float) ((Math.min(b, j + 1) - Math.max(a, j)) / (b - a));
                    }
                    firsts[i] = j0;
                    taps[i] = w;
                } else {
                    double centre = (i + 0.5) * ratio - 0.5;
                    int j0 = (int) Math.floor(centre);
                    double f = centre - j0;
                    if (j0 < 0) {
                        firsts[i] = 0;
                        taps[i] = new float[] {1f};
                    } else if (j0 >= last) {
                        firsts[i] = last;
                        taps[i] = new float[] {1f};
                    } else {
                        firsts[i] = j0;
                        taps[i] = new float[] {(float) (1 - f), (float) f};
                    }
                }
            }
            int stride = 1;
            for (float[] t : taps) {
                stride = Math.max(stride, t.length);
            }
            int[] counts = new int[n];
            float[] flat = new float[n * stride];
            for (int i = 0; i < n; i++) {
                counts[i] = taps[i].length;
                System.arraycopy(taps[i], 0, flat, i * stride, taps[i].length);
            }
            return new Weights(firsts, counts, flat, stride);
        }
    }
}
