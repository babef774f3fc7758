package org.tessera.tissue;

import java.util.Arrays;

/**
 * Binary morphology on a row-major mask: dilation and erosion by a disk, removal of small components and
 * filling of small holes. Border convention: outside the image counts as background for dilation and as
 * tissue for erosion, so a closing or an opening never eats tissue that touches the thumbnail's edge.
 * The disk of radius {@code r} is {@code {(dx, dy) : dx^2 + dy^2 <= r^2}}.
 *
 * <p>The disk is a stack of horizontal segments, half-width {@code a(dy) = floor(sqrt(r^2 - dy^2))} at row
 * offset {@code dy}. So a dilation is the OR, over the rows {@code y + dy} inside the image, of those rows
 * dilated horizontally by {@code a(dy)} (columns clipped to the image); an erosion is the AND likewise. Each
 * input row is widened once per half-width (a window of {@code 2a + 1} is three windows of {@code 2a - 1}
 * one pixel apart), kept in a ring of {@code 2r + 1} rows, and the output rows are whole-row ORs or ANDs,
 * loops the JIT vectorises.
 */
final class Morphology {
    private Morphology() {
    }

    /**
     * Dilation (any in-image pixel of the disk set) or erosion (all in-image pixels of the disk set) of
     * {@code in} into {@code out}, which must be a different array of the same length.
     */
    static void disk(boolean[] in, boolean[] out, int width, int height, int radius, boolean dilate) {
        if (in == out || in.length != out.length || in.length != width * height) {
            throw new IllegalArgumentException("disk needs distinct " + width + "x" + height + " arrays");
        }
        if (radius == 0) {
            System.arraycopy(in, 0, out, 0, in.length);
            return;
        }
        int[] halfWidth = new int[radius + 1];
        for (int dy = 0; dy <= radius; dy++) {
            halfWidth[dy] = (int) Math.floor(Math.sqrt((double) radius * radius - dy * dy));
        }
        int ring = 2 * radius + 1;
        // widened[a][slot * width + x]: the input row in that ring slot widened by a, for a = 1..radius
        boolean[][] widened = new boolean[radius + 1][ring * width];
        for (int y = -radius; y < height; y++) {
            int fresh = y + radius;
            if (fresh < height) {
                widen(in, fresh * width, widened, (fresh % ring) * width, width, dilate);
            }
            if (y < 0) {
                continue;
            }
            int o = y * width;
            for (int dy = -radius; dy <= radius; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= height) {
                    continue;
                }
                int a = halfWidth[Math.abs(dy)];
                boolean[] src = a == 0 ? in : widened[a];
                int s = a == 0 ? yy * width : (yy % ring) * width;
                if (dy == -radius || yy == 0) {
                    System.arraycopy(src, s, out, o, width);
                } else if (dilate) {
                    for (int x = 0; x < width; x++) {
                        out[o + x] |= src[s + x];
                    }
                } else {
                    for (int x = 0; x < width; x++) {
                        out[o + x] &= src[s + x];
                    }
                }
            }
        }
    }

    /** Row at {@code from} of {@code in} widened by 1, 2, ... into {@code widened[1..]} at {@code to}. */
    private static void widen(boolean[] in, int from, boolean[][] widened, int to, int width, boolean dilate) {
        boolean[] src = in;
        int s = from;
        for (int a = 1; a < widened.length; a++) {
            boolean[] dst = widened[a];
            if (width == 1) {
                dst[to] = src[s];
            } else if (dilate) {
                dst[to] = src[s] | src[s + 1];
                for (int x = 1; x < width - 1; x++) {
                    dst[to + x] = src[s + x - 1] | src[s + x] | src[s + x + 1];
                }
                dst[to + width - 1] = src[s + width - 2] | src[s + width - 1];
            } else {
                dst[to] = src[s] & src[s + 1];
                for (int x = 1; x < width - 1; x++) {
                    dst[to + x] = src[s + x - 1] & src[s + x] & src[s + x + 1];
                }
                dst[to + width - 1] = src[s + width - 2] & src[s + width - 1];
            }
            src = dst;
            s = to;
        }
    }

    /** Clears, in place, tissue components (8-connected) of fewer than {@code minPixels} pixels. */
    static void removeSmallObjects(boolean[] mask, int width, int height, int minPixels) {
        RunComponents c = RunComponents.of(mask, width, height, true, true);
        for (int i = 0; i < c.runs(); i++) {
            if (c.size(i) < minPixels) {
                Arrays.fill(mask, c.start(i), c.end(i), false);
            }
        }
    }

    /**
     * Sets, in place, background components (4-connected) of fewer than {@code maxPixels} pixels not touching
     * the border.
     */
    static void fillSmallHoles(boolean[] mask, int width, int height, int maxPixels) {
        RunComponents c = RunComponents.of(mask, width, height, false, false);
        for (int i = 0; i < c.runs(); i++) {
            if (c.size(i) < maxPixels && !c.touchesBorder(i)) {
                Arrays.fill(mask, c.start(i), c.end(i), true);
            }
        }
    }
}
