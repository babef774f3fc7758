package org.tessera.stats;

import java.util.Objects;

/**
 * Ranks of a sample, the first step of every rank statistic (Spearman here; rank-based tests later). Kept
 * public and separate so that a caller ranking one vector once can correlate it against many others.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * Ranks 1..n with ties given the average of the ranks they span (scipy.stats.rankdata, method='average'):
     * {@code [10, 20, 20, 30]} ranks as {@code [1, 2.5, 2.5, 4]}. Ties are decided by {@code ==}, so -0.0 and
     * 0.0 tie; infinities rank at the ends. NaN has no rank and is rejected.
     *
     * @throws IllegalArgumentException naming the first index holding NaN
     */
    public static double[] average(double[] values) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] is NaN: cannot rank");
            }
        }
        int n = values.length;
        int[] order = argsort(values);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            // positions start..end-1 (0-based) hold ranks start+1..end; their average is (start + 1 + end) / 2
            double rank = 0.5 * (start + 1 + end);
            for (int i = start; i < end; i++) {
                ranks[order[i]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    /** Indices that sort values ascending; a stable merge sort on primitive indices (no boxing). */
    static int[] argsort(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(values, order, buffer, lo, lo + width, Math.min(lo + 2 * width, n));
            }
        }
        return order;
    }

    private static void merge(double[] values, int[] order, int[] buffer, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || values[buffer[i]] <= values[buffer[j]])) {
                order[k] = buffer[i++];
            } else {
                order[k] = buffer[j++];
            }
        }
    }
}
