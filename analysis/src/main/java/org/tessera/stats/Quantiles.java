package org.tessera.stats;

import java.util.Arrays;

/** Order statistics: quantiles by linear interpolation between order statistics (R's type 7, numpy's default). */
public final class Quantiles {
    private Quantiles() {
    }

    /** The p-quantile of already sorted values. */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the quantile of no values is undefined");
        }
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        if (i + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /**
     * The median of {@code values} (not modified): the middle value, or the mean of the two middle values
     * (numpy.median, R's median); NaN when there are none. The one median of the code base.
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    public static double medianIgnoringNaN(double[] values) {
        return median(Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray());
    }
}
