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
        // rows[a][slot]: the input row held in that ring slot, widened by a (a = 0: the row itself)
        boolean[][][] rows = new boolean[radius + 1][ring][width];
        boolean[] left = new boolean[width];
        boolean[] right = new boolean[width];
        boolean[] acc = new boolean[width];
        for (int y = -radius; y < height; y++) {
            int fresh = y + radius;
            if (fresh < height) {
                int slot = fresh % ring;
                System.arraycopy(in, fresh * width, rows[0][slot], 0, width);
                for (int a = 1; a <= radius; a++) {
                    widen(rows[a - 1][slot], rows[a][slot], left, right, dilate);
                }
            }
            if (y < 0) {
                continue;
            }
            int first = Math.max(0, y - radius);
            System.arraycopy(rows[halfWidth[y - first]][first % ring], 0, acc, 0, width);
            for (int yy = first + 1; yy <= Math.min(height - 1, y + radius); yy++) {
                boolean[] src = rows[halfWidth[Math.abs(yy - y)]][yy % ring];
                if (dilate) {
                    for (int x = 0; x < width; x++) {
                        acc[x] |= src[x];
                    }
                } else {
                    for (int x = 0; x < width; x++) {
                        acc[x] &= src[x];
                    }
                }
            }
            System.arraycopy(acc, 0, out, y * width, width);
        }
    }

    /**
     * {@code dst[x]} = OR (dilation) or AND (erosion) of {@code src[x-1..x+1]}, columns outside the row left
     * out. The neighbours are first copied into {@code left} and {@code right} so that every loop reads and
     * writes at one index, which the JIT vectorises.
     */
    private static void widen(boolean[] src, boolean[] dst, boolean[] left, boolean[] right, boolean dilate) {
        int width = src.length;
        boolean outside = !dilate;
        System.arraycopy(src, 0, left, 1, width - 1);
        left[0] = outside;
        System.arraycopy(src, 1, right, 0, width - 1);
        right[width - 1] = outside;
        if (dilate) {
            for (int x = 0; x < width; x++) {
                dst[x] = left[x] | src[x] | right[x];
            }
        } else {
            for (int x = 0; x < width; x++) {
                dst[x] = left[x] & src[x] & right[x];
            }
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
