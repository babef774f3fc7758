package org.tessera.tissue;

/**
 * HSV saturation of a thumbnail as 8-bit values, and its median-filtered version. Saturation separates
 * stained tissue (pink, purple) from glass, which is bright and grey, independently of the slide's
 * brightness.
 */
final class SaturationImage {
    /** Saturation by {@code max << 8 | min} of the channels: a table instead of a division per pixel. */
    private static final byte[] BY_MAX_AND_MIN = new byte[256 * 256];

    static {
        for (int max = 1; max < 256; max++) {
            for (int min = 0; min <= max; min++) {
                BY_MAX_AND_MIN[max << 8 | min] = (byte) (255 * (max - min) / max);
            }
        }
    }

    private SaturationImage() {
    }

    /** {@code floor(255 * (max - min) / max)} per packed RGB pixel, 0 for black. */
    static int[] of(int[] rgb) {
        int[] s = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            s[i] = of(rgb[i]);
        }
        return s;
    }

    /** {@code floor(255 * (max - min) / max)} of one packed RGB pixel, 0 for black. */
    static int of(int p) {
        int max = Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
        int min = Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
        return BY_MAX_AND_MIN[max << 8 | min] & 0xFF;
    }

    /**
     * The median-filtered saturation of packed RGB pixels, as unsigned bytes: {@link #median} of {@link #of},
     * without the intermediate images for the kernels the network handles.
     */
    static byte[] medianOfRgb(int[] rgb, int width, int height, int k) {
        if (k > 1 && k <= MedianNetwork.MAX_KERNEL) {
            return MedianNetwork.of(k).filterSaturation(rgb, width, height);
        }
        int[] median = median(of(rgb), width, height, k);
        byte[] out = new byte[median.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) median[i];
        }
        return out;
    }

    /**
     * Square median filter of side {@code k} over 8-bit values, borders replicated (scipy's
     * {@code median_filter(mode='nearest')}): a min/max network ({@link MedianNetwork}) up to
     * {@code k = 7}, Huang's sliding histogram above.
     */
    static int[] median(int[] values, int width, int height, int k) {
        if (k == 1) {
            return values.clone();
        }
        if (k <= MedianNetwork.MAX_KERNEL) {
            byte[] median = MedianNetwork.of(k).filter(values, width, height);
            int[] out = new int[median.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = median[i] & 0xFF;
            }
            return out;
        }
        return slidingHistogram(values, width, height, k);
    }

    /** Huang's sliding histogram median: O(k) per pixel, for any odd {@code k >= 3}. */
    static int[] slidingHistogram(int[] values, int width, int height, int k) {
        int r = k / 2;
        int half = (k * k - 1) / 2;
        int[] out = new int[values.length];
        int[] hist = new int[256];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(hist, 0);
            for (int dy = -r; dy <= r; dy++) {
                int row = clamp(y + dy, height) * width;
                for (int dx = -r; dx <= r; dx++) {
                    hist[values[row + clamp(dx, width)]]++;
                }
            }
            int med = 0;
            int below = 0;
            while (below + hist[med] <= half) {
                below += hist[med];
                med++;
            }
            out[y * width] = med;
            for (int x = 1; x < width; x++) {
                int leaving = clamp(x - r - 1, width);
                int entering = clamp(x + r, width);
                for (int dy = -r; dy <= r; dy++) {
                    int row = clamp(y + dy, height) * width;
                    int v = values[row + leaving];
                    hist[v]--;
                    if (v < med) {
                        below--;
                    }
                    int w = values[row + entering];
                    hist[w]++;
                    if (w < med) {
                        below++;
                    }
                }
                while (below > half) {
                    med--;
                    below -= hist[med];
                }
                while (below + hist[med] <= half) {
                    below += hist[med];
                    med++;
                }
                out[y * width + x] = med;
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
