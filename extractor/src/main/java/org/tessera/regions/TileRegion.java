package org.tessera.regions;

import java.util.Objects;

/** The fraction of one tile's area covered by the annotations of one class, in (0, 1]. */
public record TileRegion(int tileIndex, String className, double fraction) {
    public TileRegion {
        Objects.requireNonNull(className, "className");
        if (tileIndex < 0) {
            throw new IllegalArgumentException("tile index must be non-negative: " + tileIndex);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("covered fraction must be in (0, 1]: " + fraction);
        }
    }
}
