package org.tessera.tissue;

import java.util.Arrays;

/**
 * Connected components of the pixels equal to a value in a binary mask, found on runs (maximal horizontal
 * segments of such pixels in one row) rather than pixels: one scan lists the runs and joins each to the
 * runs it touches in the row above (union-find), then the runs are labelled in raster order. A component's
 * label is that of its first run, which holds its first pixel in raster order, so labels come in the same
 * order as a raster-order flood fill's. Runs let the mask cleaning set or clear whole segments and skip the
 * per-pixel label image.
 */
final class RunComponents {
    private final int width;
    private final int height;
    private int runs;
    /** Per run: flat index of its first pixel, and one past its last. */
    private int[] start;
    private int[] end;
    /** Per run while scanning: union-find parent; after {@link #label}: the component's label (from 1). */
    private int[] component;
    private int[] sizes;
    private boolean[] touchesBorder;

    private RunComponents(int width, int height) {
        this.width = width;
        this.height = height;
        int capacity = Math.max(16, 2 * height);
        start = new int[capacity];
        end = new int[capacity];
        component = new int[capacity];
    }

    /**
     * The components of the pixels equal to {@code value}, 8-connected (diagonal neighbours join) or
     * 4-connected.
     */
    static RunComponents of(boolean[] mask, int width, int height, boolean value, boolean eightConnected) {
        if (width <= 0 || height <= 0 || mask.length != width * height) {
            throw new IllegalArgumentException(
                    "mask of " + mask.length + " pixels is not " + width + "x" + height);
        }
        RunComponents c = new RunComponents(width, height);
        c.scan(mask, value, eightConnected ? 1 : 0);
        c.label();
        return c;
    }

    /**
     * Lists the runs row by row; a run joins every run of the row above that overlaps it widened by
     * {@code reach} (1 for 8-connectivity, 0 for 4).
     */
    private void scan(boolean[] mask, boolean value, int reach) {
        int above = 0;
        int aboveEnd = 0;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int rowFirst = runs;
            int x = 0;
            int j = above;
            while (x < width) {
                while (x < width && mask[base + x] != value) {
                    x++;
                }
                if (x == width) {
                    break;
                }
                int s = x;
                while (x < width && mask[base + x] == value) {
                    x++;
                }
                int run = add(base + s, base + x);
                // runs of the row above, in columns: [start - base + width, end - base + width)
                int lo = s - reach;
                int hi = x + reach;
                while (j < aboveEnd && end[j] - base + width <= lo) {
                    j++;
                }
                for (int k = j; k < aboveEnd && start[k] - base + width < hi; k++) {
                    union(run, k);
                }
            }
            above = rowFirst;
            aboveEnd = runs;
        }
    }

    private int add(int from, int to) {
        if (runs == start.length) {
            int grown = runs * 2;
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
            component = Arrays.copyOf(component, grown);
        }
        start[runs] = from;
        end[runs] = to;
        component[runs] = runs;
        return runs++;
    }

    private int find(int i) {
        while (component[i] != i) {
            component[i] = component[component[i]];
            i = component[i];
        }
        return i;
    }

    /** Joins two runs' sets under the smaller root, so that a set's root is its first run. */
    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            component[rb] = ra;
        } else if (rb < ra) {
            component[ra] = rb;
        }
    }

    /** Replaces each run's parent by its component's label, numbered in raster order, and sums the sizes. */
    private void label() {
        int[] labelOfRoot = new int[runs];
        int next = 1;
        sizes = new int[16];
        touchesBorder = new boolean[16];
        for (int i = 0; i < runs; i++) {
            // parents precede their runs and were already pointed at their roots: one step reaches the root
            int root = component[component[i]];
            component[i] = root;
            if (root == i) {
                if (next == sizes.length) {
                    sizes = Arrays.copyOf(sizes, next * 2);
                    touchesBorder = Arrays.copyOf(touchesBorder, next * 2);
                }
                labelOfRoot[i] = next++;
            }
            int label = labelOfRoot[root];
            sizes[label] += end[i] - start[i];
            int y = start[i] / width;
            if (y == 0 || y == height - 1 || start[i] == y * width || end[i] == (y + 1) * width) {
                touchesBorder[label] = true;
            }
        }
        for (int i = 0; i < runs; i++) {
            component[i] = labelOfRoot[component[i]];
        }
        sizes = Arrays.copyOf(sizes, next);
        touchesBorder = Arrays.copyOf(touchesBorder, next);
    }

    int runs() {
        return runs;
    }

    int start(int run) {
        return start[run];
    }

    int end(int run) {
        return end[run];
    }

    int label(int run) {
        return component[run];
    }

    /** Pixels in the component of a run. */
    int size(int run) {
        return sizes[component[run]];
    }

    boolean touchesBorder(int run) {
        return touchesBorder[component[run]];
    }

    /** Component sizes by label, index 0 unused (0). */
    int[] sizes() {
        return sizes.clone();
    }

    boolean[] touchesBorderByLabel() {
        return touchesBorder.clone();
    }
}
