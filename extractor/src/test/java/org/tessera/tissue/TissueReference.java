package org.tessera.tissue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Test helper: the tissue detector as it was before it was made faster (commit e8d4d61), kept verbatim as the
 * reference the fast code must equal bit for bit: per-pixel prefix counts for the disks, breadth-first flood
 * fill for the components, and for the median Huang's sliding histogram (still used for kernels above 7, so it
 * stays in {@link SaturationImage}; {@link #median} is a brute-force check of it). These are the
 * implementations that were checked against scipy ({@code TissueDetectorHer2stTest}).
 */
final class TissueReference {
    private TissueReference() {
    }

    /** The whole detector, step by step as {@link TissueDetector#detect} did it. */
    static BitSet detect(BufferedImage thumbnail, TissueOptions options) {
        int w = thumbnail.getWidth();
        int h = thumbnail.getHeight();
        int[] rgb = thumbnail.getRGB(0, 0, w, h, null, 0, w);
        int k = options.medianKernel();
        int[] saturation = k == 1 ? saturation(rgb) : SaturationImage.slidingHistogram(saturation(rgb), w, h, k);
        int threshold = Math.max(Otsu.threshold(saturation), options.minSaturation());
        boolean[] mask = new boolean[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            mask[i] = saturation[i] > threshold && !(options.rejectInk() && isInk(rgb[i]));
        }
        mask = disk(disk(mask, w, h, options.closingRadius(), true), w, h, options.closingRadius(), false);
        mask = disk(disk(mask, w, h, options.openingRadius(), false), w, h, options.openingRadius(), true);
        mask = removeSmallObjects(mask, w, h, options.minObjectPixels());
        mask = fillSmallHoles(mask, w, h, options.maxHolePixels());
        BitSet bits = new BitSet(mask.length);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                bits.set(i);
            }
        }
        return bits;
    }

    /** {@link InkRules#isInk} before its shortcut for reddish pixels. */
    static boolean isInk(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        if (max < 50) {
            return true;
        }
        int delta = max - min;
        if (delta == 0) {
            return false;
        }
        double saturation = (double) delta / max;
        double hue = InkRules.hueDegrees(r, g, b, max, delta);
        boolean blue = hue >= 195 && hue <= 250 && saturation >= 0.6 && max >= 153;
        boolean green = hue >= 70 && hue < 190 && saturation >= 0.25;
        return blue || green;
    }

    /** {@code floor(255 * (max - min) / max)} per packed RGB pixel, 0 for black. */
    static int[] saturation(int[] rgb) {
        int[] s = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int max = Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
            int min = Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
            s[i] = max == 0 ? 0 : 255 * (max - min) / max;
        }
        return s;
    }

    /** Dilation (any neighbour set) or erosion (all in-image neighbours set) using per-row prefix counts. */
    static boolean[] disk(boolean[] in, int width, int height, int radius, boolean dilate) {
        if (radius == 0) {
            return in.clone();
        }
        int[] prefix = new int[(width + 1) * height];
        for (int y = 0; y < height; y++) {
            int base = y * (width + 1);
            for (int x = 0; x < width; x++) {
                prefix[base + x + 1] = prefix[base + x] + (in[y * width + x] ? 1 : 0);
            }
        }
        int[] halfWidth = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            halfWidth[dy + radius] = (int) Math.floor(Math.sqrt((double) radius * radius - dy * dy));
        }
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean result = !dilate;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    int a = halfWidth[dy + radius];
                    int x0 = Math.max(0, x - a);
                    int x1 = Math.min(width - 1, x + a);
                    int base = yy * (width + 1);
                    int count = prefix[base + x1 + 1] - prefix[base + x0];
                    if (dilate && count > 0) {
                        result = true;
                        break;
                    }
                    if (!dilate && count != x1 - x0 + 1) {
                        result = false;
                        break;
                    }
                }
                out[y * width + x] = result;
            }
        }
        return out;
    }

    /** Tissue components (8-connected) of fewer than {@code minPixels} pixels cleared. */
    static boolean[] removeSmallObjects(boolean[] in, int width, int height, int minPixels) {
        return flip(in, label(in, width, height, true, true), (size, border) -> size < minPixels);
    }

    /** Background components (4-connected) of fewer than {@code maxPixels} not touching the border set. */
    static boolean[] fillSmallHoles(boolean[] in, int width, int height, int maxPixels) {
        return flip(in, label(in, width, height, false, false), (size, border) -> size < maxPixels && !border);
    }

    private interface Chosen {
        boolean test(int size, boolean touchesBorder);
    }

    /** A copy of the mask with the pixels of the chosen components inverted. */
    private static boolean[] flip(boolean[] in, Components c, Chosen chosen) {
        boolean[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            int label = c.labels()[i];
            if (label > 0 && chosen.test(c.sizes()[label], c.touchesBorder()[label])) {
                out[i] = !in[i];
            }
        }
        return out;
    }

    /** Breadth-first flood fill; labels from 1 in the raster order of each component's first pixel. */
    static Components label(boolean[] mask, int width, int height, boolean value, boolean eightConnected) {
        int[] labels = new int[mask.length];
        int[] sizes = new int[16];
        boolean[] border = new boolean[16];
        int[] queue = new int[mask.length];
        int next = 1;
        int[] dx = eightConnected ? new int[] {-1, 0, 1, -1, 1, -1, 0, 1} : new int[] {0, -1, 1, 0};
        int[] dy = eightConnected ? new int[] {-1, -1, -1, 0, 0, 1, 1, 1} : new int[] {-1, 0, 0, 1};
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] != value || labels[start] != 0) {
                continue;
            }
            if (next >= sizes.length) {
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
                border = Arrays.copyOf(border, border.length * 2);
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            labels[start] = next;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    border[next] = true;
                }
                for (int k = 0; k < dx.length; k++) {
                    int nx = x + dx[k];
                    int ny = y + dy[k];
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                        continue;
                    }
                    int q = ny * width + nx;
                    if (mask[q] == value && labels[q] == 0) {
                        labels[q] = next;
                        queue[tail++] = q;
                    }
                }
            }
            sizes[next] = tail;
            next++;
        }
        return new Components(labels, Arrays.copyOf(sizes, next), Arrays.copyOf(border, next));
    }

    /** Median of each clamped {@code k x k} window by sorting its values (scipy's {@code mode='nearest'}). */
    static int[] median(int[] values, int width, int height, int k) {
        int r = k / 2;
        int[] out = new int[values.length];
        int[] window = new int[k * k];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        window[n++] = values[clamp(y + dy, height) * width + clamp(x + dx, width)];
                    }
                }
                Arrays.sort(window);
                out[y * width + x] = window[window.length / 2];
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
