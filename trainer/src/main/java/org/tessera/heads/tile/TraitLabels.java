package org.tessera.heads.tile;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Slides labelled by the percentile of a trait (a gene's expression, a signature score) across the cohort,
 * as PathoMCH does: the top slides are "high", the bottom ones "low", the middle is left out of training.
 *
 * <p>Rules. The thresholds are percentiles of the slides' trait values with linear interpolation between
 * order statistics (numpy's {@code np.percentile} default, R's type 7). With q(p) the p-th percentile and
 * the defaults 20 / 80 / 10: HIGH iff t &ge; q(80); LOW iff t &le; q(20); NEAR_LOW iff q(20) &lt; t &le; q(30);
 * NEAR_HIGH iff q(70) &le; t &lt; q(80); MIDDLE otherwise. Both ends are inclusive, so a slide exactly on a
 * threshold belongs to the outer band.
 *
 * @param lowThreshold      q(low)
 * @param nearLowThreshold  q(low + near)
 * @param nearHighThreshold q(high - near)
 * @param highThreshold     q(high)
 * @param bands             each slide's band, by slide id (sorted)
 */
public record TraitLabels(double lowThreshold, double nearLowThreshold, double nearHighThreshold, double highThreshold,
        Map<String, TraitBand> bands) {
    public TraitLabels {
        if (!(lowThreshold <= nearLowThreshold && nearLowThreshold <= nearHighThreshold && nearHighThreshold <= highThreshold)) {
            throw new IllegalArgumentException("thresholds must be ordered, got " + lowThreshold + ", " + nearLowThreshold + ", "
                    + nearHighThreshold + ", " + highThreshold);
        }
        if (!(lowThreshold < highThreshold)) {
            throw new IllegalArgumentException("the low and high thresholds coincide at " + lowThreshold
                    + ": too many tied trait values to tell high from low");
        }
        bands = Map.copyOf(bands);
    }

    /**
     * Bands the slides by their trait values.
     *
     * @throws IllegalArgumentException if a value is not finite, there are fewer than 2 slides, or the low and
     *                                  high thresholds coincide (mostly tied values)
     */
    public static TraitLabels assign(Map<String, Double> traits, TileClassifierOptions options) {
        Objects.requireNonNull(traits, "traits");
        if (traits.size() < 2) {
            throw new IllegalArgumentException("percentile labels need at least 2 slides, got " + traits.size());
        }
        double[] sorted = new double[traits.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(traits).entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("slide " + e.getKey() + " has trait value " + e.getValue());
            }
            sorted[i++] = e.getValue();
        }
        Arrays.sort(sorted);
        double low = percentile(sorted, options.lowPercentile());
        double nearLow = percentile(sorted, options.lowPercentile() + options.nearWidth());
        double nearHigh = percentile(sorted, options.highPercentile() - options.nearWidth());
        double high = percentile(sorted, options.highPercentile());
        Map<String, TraitBand> bands = new TreeMap<>();
        traits.forEach((slide, t) -> bands.put(slide, t >= high ? TraitBand.HIGH
                : t <= low ? TraitBand.LOW
                : t <= nearLow ? TraitBand.NEAR_LOW
                : t >= nearHigh ? TraitBand.NEAR_HIGH
                : TraitBand.MIDDLE));
        return new TraitLabels(low, nearLow, nearHigh, high, bands);
    }

    /** The slide's band. */
    public TraitBand band(String slide) {
        TraitBand b = bands.get(slide);
        if (b == null) {
            throw new IllegalArgumentException("slide " + slide + " has no trait band");
        }
        return b;
    }

    /** The p-th percentile (0..100) of sorted values, linear between order statistics. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100;
        int i = (int) Math.floor(h);
        return i + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }
}
