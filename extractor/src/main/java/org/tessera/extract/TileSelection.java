package org.tessera.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a grid's tiles an extraction embeds: all, or those covered at least {@code minFraction} by the
 * annotation class {@code region} (table {@code tile_regions}), and/or those at least {@code minSharpness} sharp
 * (table {@code tile_sharpness}). The embedding set of a slide then holds only those tiles.
 */
public record TileSelection(Optional<String> region, double minFraction, double minSharpness) {
    /** Every tile of the grid. */
    public static final TileSelection ALL = new TileSelection(Optional.empty(), 0.5, 0);

    public TileSelection {
        Objects.requireNonNull(region, "region");
        if (region.isPresent() && region.get().isBlank()) {
            throw new IllegalArgumentException("region class must not be blank");
        }
        if (!(minFraction > 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("minimum region fraction must be in (0, 1], got " + minFraction);
        }
        if (!(minSharpness >= 0) || Double.isInfinite(minSharpness)) {
            throw new IllegalArgumentException("minimum sharpness must be a non-negative number, got " + minSharpness);
        }
    }

    public boolean isAll() {
        return region.isEmpty() && minSharpness == 0;
    }

    /** In words, for messages: e.g. "covered >= 0.5 by class 'Tumor', sharpness >= 25". */
    public String describe() {
        if (isAll()) {
            return "all tiles";
        }
        StringBuilder s = new StringBuilder();
        region.ifPresent(r -> s.append("covered >= ").append(minFraction).append(" by class '").append(r).append('\''));
        if (minSharpness > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("sharpness >= ").append(minSharpness);
        }
        return s.toString();
    }

    /** What the run log records of a selection. */
    record Parameters(String region, double minRegionFraction, double minSharpness) {
    }

    Parameters parameters() {
        return new Parameters(region.orElse(null), minFraction, minSharpness);
    }
}
