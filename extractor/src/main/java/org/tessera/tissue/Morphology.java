package org.tessera.tissue;

/**
 * Binary morphology on a row-major mask: dilation and erosion by a disk, removal of small components and
 * filling of small holes. Border convention: outside the image counts as background for dilation and as
 * tissue for erosion, so a closing or an opening never eats tissue that touches the thumbnail's edge.
 * The disk of radius {@code r} is {@code {(dx, dy) : dx^2 + dy^2 <= r^2}}.
 */
final class Morphology {
    private Morphology() {
    }

    static boolean[] dilate(boolean[] in, int width, int height, int radius) {
        return disk(in, width, height, radius, true);
    }

    static boolean[] erode(boolean[] in, int width, int height, int radius) {
        return disk(in, width, height, radius, false);
    }

    /** Dilation (any neighbour set) or erosion (all in-image neighbours set) using per-row prefix counts. */
    private static boolean[] disk(boolean[] in, int width, int height, int radius, boolean dilate) {
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

    /** Clears tissue components (8-connected) of fewer than {@code minPixels} pixels. */
    static boolean[] removeSmallObjects(boolean[] in, int width, int height, int minPixels) {
        boolean[] out = in.clone();
        Components c = Components.label(in, width, height, true, true);
        for (int i = 0; i < out.length; i++) {
            int label = c.labels()[i];
            if (label > 0 && c.sizes()[label] < minPixels) {
                out[i] = false;
            }
        }
        return out;
    }

    /** Sets background components (4-connected) of fewer than {@code maxPixels} pixels not touching the border. */
    static boolean[] fillSmallHoles(boolean[] in, int width, int height, int maxPixels) {
        boolean[] out = in.clone();
        Components c = Components.label(in, width, height, false, false);
        for (int i = 0; i < out.length; i++) {
            int label = c.labels()[i];
            if (label > 0 && c.sizes()[label] < maxPixels && !c.touchesBorder()[label]) {
                out[i] = true;
            }
        }
        return out;
    }
}
