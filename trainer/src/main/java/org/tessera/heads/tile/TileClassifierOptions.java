package org.tessera.heads.tile;

import java.util.Objects;

/**
 * Settings of {@link TileClassifier}; {@link #defaults(long)} gives PathoMCH's scheme.
 *
 * @param lowPercentile      slides at or below this trait percentile are "low" (20)
 * @param highPercentile     slides at or above it are "high" (80)
 * @param nearWidth          width in percentiles of each OOD-near band next to the labelled ones (10)
 * @param testFraction       fraction of the labelled slides' patients held out as the test set (0.1)
 * @param splits             random train/validation splits of the rest (5)
 * @param validationFraction fraction of the rest's patients validating each split (0.2)
 * @param ensembleSize       splits, best by validation slide AUC, whose tile votes make the ensemble (3)
 * @param threshold          a tile is predicted positive when its probability is at least this (0.5)
 * @param bootstrap          resamples for each AUC interval (2000)
 * @param seed               seeds the test split (seed), split i (seed + 1 + i) and the bootstraps (seed)
 * @param logistic           the tile logistic regression's settings
 */
public record TileClassifierOptions(double lowPercentile, double highPercentile, double nearWidth, double testFraction,
        int splits, double validationFraction, int ensembleSize, double threshold, int bootstrap, long seed,
        LogisticOptions logistic) {
    public TileClassifierOptions {
        if (!(lowPercentile > 0 && nearWidth >= 0 && lowPercentile + nearWidth <= highPercentile - nearWidth
                && highPercentile < 100)) {
            throw new IllegalArgumentException("need 0 < low <= low + near <= high - near <= high < 100, got low " + lowPercentile
                    + ", high " + highPercentile + ", near width " + nearWidth);
        }
        if (!(lowPercentile < highPercentile)) {
            throw new IllegalArgumentException("low percentile " + lowPercentile + " must be below high " + highPercentile);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        if (splits < 1 || ensembleSize < 1 || ensembleSize > splits) {
            throw new IllegalArgumentException("need 1 <= ensemble size <= splits, got " + ensembleSize + " of " + splits);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("tile threshold must be in (0, 1), got " + threshold);
        }
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrap);
        }
        Objects.requireNonNull(logistic, "logistic");
    }

    /** 20th / 80th percentiles, near width 10, 10% test, 5 splits of 20% validation, best 3 vote, p &ge; 0.5. */
    public static TileClassifierOptions defaults(long seed) {
        return new TileClassifierOptions(20, 80, 10, 0.1, 5, 0.2, 3, 0.5, 2000, seed, LogisticOptions.defaults());
    }
}
