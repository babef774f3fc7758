package org.tessera.heads.tile;

/**
 * Where a slide's trait value lies among the cohort's, by percentile (defaults in brackets, see
 * {@link TraitLabels} for the exact rules). Only {@link #LOW} and {@link #HIGH} slides train the tile
 * classifier; the others are the out-of-distribution sets: OOD-near is {@link #NEAR_LOW} and
 * {@link #NEAR_HIGH}, OOD-all is every band but LOW and HIGH.
 */
public enum TraitBand {
    /** At or below the low percentile [20th]: label 0. */
    LOW,
    /** Above the low percentile, at or below low + near width [30th]. */
    NEAR_LOW,
    /** Strictly between the near bands. */
    MIDDLE,
    /** At or above high - near width [70th], below the high percentile. */
    NEAR_HIGH,
    /** At or above the high percentile [80th]: label 1. */
    HIGH;

    /** True for the bands that train (LOW and HIGH). */
    public boolean labelled() {
        return this == LOW || this == HIGH;
    }

    /** True for OOD-near (NEAR_LOW, NEAR_HIGH). */
    public boolean near() {
        return this == NEAR_LOW || this == NEAR_HIGH;
    }
}
