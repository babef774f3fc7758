package org.tessera.tissue;

/**
 * Otsu's threshold on an 8-bit histogram: the value {@code t} maximising the between-class variance of
 * {@code {v <= t}} and {@code {v > t}}, first maximum on ties, the same convention as scikit-image's
 * {@code threshold_otsu} (foreground is {@code v > t}).
 */
final class Otsu {
    private Otsu() {
    }

    /** The threshold, or 0 when every value is equal (no split exists). */
    static int threshold(int[] values) {
        long[] hist = new long[256];
        for (int v : values) {
            hist[v]++;
        }
        return fromHistogram(hist);
    }

    /** The threshold of the values counted in {@code hist} (256 bins), or 0 when they are all equal. */
    static int fromHistogram(long[] hist) {
        double total = 0;
        double totalSum = 0;
        for (int v = 0; v < 256; v++) {
            total += hist[v];
            totalSum += (double) v * hist[v];
        }
        double w1 = 0;
        double sum1 = 0;
        double best = -1;
        int threshold = 0;
        for (int t = 0; t < 255; t++) {
            w1 += hist[t];
            sum1 += (double) t * hist[t];
            double w2 = total - w1;
            if (w1 == 0 || w2 == 0) {
                continue;
            }
            double m1 = sum1 / w1;
            double m2 = (totalSum - sum1) / w2;
            double between = w1 * w2 * (m1 - m2) * (m1 - m2);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
