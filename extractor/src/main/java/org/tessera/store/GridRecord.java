package org.tessera.store;

import java.util.Optional;

/** A slide's tile grid under one tiling (table {@code tile_grids}); the tiles themselves are in {@code tiles}. */
public record GridRecord(String slideId, String tilingId, int columns, int rows, int nTiles, double tissueFraction,
        int readLevel, Optional<String> previewPath) {
    public GridRecord {
        if (columns < 0 || rows < 0 || nTiles < 0 || nTiles > (long) columns * rows) {
            throw new IllegalArgumentException("bad grid " + columns + "x" + rows + " with " + nTiles + " tiles");
        }
    }
}
