package org.tessera.extract;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tessera.slide.Slide;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;

/**
 * Where a run's tiles come from: the tissue grid of a {@link org.tessera.tiling.TilingSpec} ({@link GridBuilder})
 * or the patches centred on spatial transcriptomics spots ({@link SpotSource}). Either way the tiles are stored
 * once per slide x tiling and then embedded, keyed and written by the same pipeline.
 */
interface TileSource {
    /** Registers the tiling in the store (idempotent) and returns its id. */
    String register() throws SQLException;

    /** The slide's tiles, computing and storing them first if needed. Safe on any thread. */
    Planned ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException;

    /** A slide's tiles, and the sharpness its readers are to measure when it is not stored yet. */
    record Planned(List<Tile> tiles, Optional<GridSharpness> sharpness) {
        public Planned {
            tiles = List.copyOf(tiles);
        }

        static Planned of(List<Tile> tiles) {
            return new Planned(tiles, Optional.empty());
        }
    }

    /** Side of a tile at the target pixel size. */
    int tilePx();

    /** Target micrometres per pixel. */
    double mpp();

    /** Images embedded per tile and averaged: 1, or 8 dihedral variants. */
    int variants();

    /** Why a slide has no tiles, for its failure message. */
    String noTilesReason();

    /** The source's parameters (a record), written into the run log's parameters. */
    Object parameters();
}
