package org.tessera.tissue;

/**
 * HSV saturation of a thumbnail as 8-bit values, and its median-filtered version. Saturation separates
 * stained tissue (pink, purple) from glass, which is bright and grey, independently of the slide's
 * brightness.
 */
final class SaturationImage {
    private SaturationImage() {
    }

    /** {@code floor(255 * (max - min) / max)} per packed RGB pixel, 0 for black. */
    static int[] of(int[] rgb) {
        int[] s = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            s[i] = max == 0 ? 0 : 255 * (max - min) / max;
        }
        return s;
    }

    /**
     * Square median filter of side {@code k} over 8-bit values, borders replicated (scipy's
     * {@code median_filter(mode='nearest')}). Uses Huang's sliding histogram: O(k) per pixel.
     */
    static int[] median(int[] values, int width, int height, int k) {
        if (k == 1) {
            return values.clone();
        }
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
