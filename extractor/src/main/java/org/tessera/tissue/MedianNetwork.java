package org.tessera.tissue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact square median filter of small odd side {@code k} (3, 5, 7) as a min/max network over whole rows,
 * borders replicated as in scipy's {@code median_filter(mode='nearest')}.
 *
 * <p>Two stages per output row. First the {@code k} input rows are sorted column by column, giving rows
 * {@code S_0 <= ... <= S_{k-1}}; these sorted columns are shared by the {@code k} windows that contain them.
 * Then, per window, the {@code k x k} matrix {@code M[i][j] = S_i[x + j]} (columns sorted) has its rows sorted,
 * which keeps the columns sorted. In a matrix sorted both ways, {@code M[i][j]} is at least the
 * {@code (i+1)(j+1) - 1} values above and left of it and at most the {@code (k-i)(k-j) - 1} below and right,
 * so cells with {@code (i+1)(j+1) > m+1} or {@code (k-i)(k-j) > m+1} ({@code m = (k^2-1)/2}) cannot hold the
 * median's rank; the median is the value of rank {@code m - below} (from 0) among the other cells (13 of 25
 * for {@code k = 5}), {@code below} counting the cells excluded from below. A row's candidates are consecutive
 * in it, so they are merged rather than sorted again. Batcher's odd-even sorting and merging networks with
 * the unused outputs pruned ({@link MinMaxProgram}) do all this: for {@code k = 5}, 80 loops over a row per
 * output row (9 for the columns, 71 per window position), against a sliding histogram's 10 updates and a
 * data-dependent walk per pixel, which do not vectorise. The tests check the network on every column-sorted
 * input of zeros and ones (the 0-1 principle) and against a brute-force median.
 */
final class MedianNetwork {
    /** Kernels the network is built for; larger ones use the sliding histogram. */
    static final int MAX_KERNEL = 7;
    private static final MedianNetwork[] BY_KERNEL = new MedianNetwork[MAX_KERNEL + 1];

    static {
        for (int k = 3; k <= MAX_KERNEL; k += 2) {
            BY_KERNEL[k] = new MedianNetwork(k);
        }
    }

    private final int k;
    /** Inputs: the k rows (clamped, padded by k/2 each side); outputs: the sorted rows S_0..S_{k-1}. */
    private final MinMaxProgram columns;
    /** Inputs: S_i shifted left by j at index {@code i * k + j}; output: the median row. */
    private final MinMaxProgram windows;

    private MedianNetwork(int k) {
        this.k = k;
        MinMaxProgram.Builder vertical = new MinMaxProgram.Builder(k);
        MinMaxProgram.Wire[] column = new MinMaxProgram.Wire[k];
        for (int i = 0; i < k; i++) {
            column[i] = vertical.input(i);
        }
        vertical.sort(column);
        this.columns = vertical.compile(column);

        MinMaxProgram.Builder horizontal = new MinMaxProgram.Builder(k * k);
        MinMaxProgram.Wire[][] m = new MinMaxProgram.Wire[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m[i][j] = horizontal.input(i * k + j);
            }
            horizontal.sort(m[i]);
        }
        int median = (k * k - 1) / 2;
        int below = 0;
        // the candidates of each row are consecutive in it, hence already sorted: merge, smallest lists first
        List<MinMaxProgram.Wire[]> lists = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<MinMaxProgram.Wire> row = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if ((k - i) * (k - j) > median + 1) {
                    below++;
                } else if ((i + 1) * (j + 1) <= median + 1) {
                    row.add(m[i][j]);
                }
            }
            lists.add(row.toArray(MinMaxProgram.Wire[]::new));
        }
        while (lists.size() > 1) {
            lists.sort(Comparator.comparingInt(l -> l.length));
            lists.add(horizontal.merge(lists.remove(0), lists.remove(0)));
        }
        this.windows = horizontal.compile(lists.get(0)[median - below]);
    }

    /** The network for odd {@code k} in 3..{@link #MAX_KERNEL}. */
    static MedianNetwork of(int k) {
        if (k < 3 || k > MAX_KERNEL || k % 2 == 0) {
            throw new IllegalArgumentException("median network kernel must be 3, 5 or 7, got " + k);
        }
        return BY_KERNEL[k];
    }

    MinMaxProgram columns() {
        return columns;
    }

    MinMaxProgram windows() {
        return windows;
    }

    /** The median-filtered image of 8-bit {@code values} (row-major, each 0..255). */
    byte[] filter(int[] values, int width, int height) {
        return filter(values, false, width, height);
    }

    /** The median-filtered HSV saturation ({@link SaturationImage#of(int)}) of packed RGB pixels. */
    byte[] filterSaturation(int[] rgb, int width, int height) {
        return filter(rgb, true, width, height);
    }

    private byte[] filter(int[] pixels, boolean saturation, int width, int height) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("image of " + pixels.length + " pixels is not " + width + "x" + height);
        }
        int r = k / 2;
        int padded = width + 2 * r;
        int[][] vertical = new int[columns.buffers()][];
        int[][] horizontal = new int[windows.buffers()][];
        for (int i = k; i < vertical.length; i++) {
            vertical[i] = new int[padded];
        }
        for (int i = 0; i < horizontal.length; i++) {
            // S_i unshifted is read in place (its first width values)
            horizontal[i] = i < k * k && i % k == 0 ? vertical[k + i / k] : new int[width];
        }
        // ring of padded input rows, slot y % k holding row y
        int[][] ring = new int[k][padded];
        int[] ringRow = new int[k];
        Arrays.fill(ringRow, -1);
        byte[] out = new byte[pixels.length];
        int[] median = horizontal[k * k];
        for (int y = 0; y < height; y++) {
            for (int dy = -r; dy <= r; dy++) {
                int yy = Math.clamp(y + dy, 0, height - 1);
                int slot = yy % k;
                if (ringRow[slot] != yy) {
                    pad(pixels, saturation, yy * width, width, r, ring[slot]);
                    ringRow[slot] = yy;
                }
                vertical[dy + r] = ring[slot];
            }
            columns.run(vertical, 0, padded);
            for (int i = 0; i < k; i++) {
                for (int j = 1; j < k; j++) {
                    System.arraycopy(vertical[k + i], j, horizontal[i * k + j], 0, width);
                }
            }
            windows.run(horizontal, 0, width);
            int o = y * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = (byte) median[x];
            }
        }
        return out;
    }

    /** One row (or its saturation) with its first and last values repeated {@code r} times on each side. */
    private static void pad(int[] pixels, boolean saturation, int from, int width, int r, int[] row) {
        if (saturation) {
            for (int x = 0; x < width; x++) {
                row[r + x] = SaturationImage.of(pixels[from + x]);
            }
        } else {
            System.arraycopy(pixels, from, row, r, width);
        }
        for (int i = 0; i < r; i++) {
            row[i] = row[r];
            row[r + width + i] = row[r + width - 1];
        }
    }
}
