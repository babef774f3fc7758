package org.tessera.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.tessera.store.FeatureStore;
import org.tessera.store.SharpnessCatalogue;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Thumbnail;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileGrid;
import org.tessera.tiling.TilingPreview;
import org.tessera.tissue.TissueMask;

/**
 * The sharpness of a grid's tiles measured on the tiles the extraction reads anyway, instead of reading every
 * tile a second time when the grid is made (that second read cost about 1 ms a tile, 7% of a MobileNetV2 run's
 * CPU). Reader threads report each tile's value; the last report stores the grid's {@code tile_sharpness} rows
 * and writes its preview (blurred tiles crossed), before that tile goes on to the backbones, so a slide's sets
 * commit only after its sharpness is stored. A slide that fails before its last tile leaves no sharpness; its
 * next run measures it ({@link GridBuilder}).
 */
final class GridSharpness {
    /** What a preview is drawn from: kept from the grid's making until the sharpness is known. */
    record Preview(Path png, Thumbnail thumbnail, TissueMask mask, TileGrid grid) {
    }

    private final FeatureStore store;
    private final String slideId;
    private final String tilingId;
    private final List<Tile> tiles;
    private final Optional<Preview> preview;
    private final double[] values;
    private final AtomicInteger remaining;

    GridSharpness(FeatureStore store, String slideId, String tilingId, List<Tile> tiles, Optional<Preview> preview) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a grid without tiles has no sharpness to measure");
        }
        this.store = store;
        this.slideId = slideId;
        this.tilingId = tilingId;
        this.tiles = List.copyOf(tiles);
        this.preview = preview;
        this.values = new double[tiles.size()];
        this.remaining = new AtomicInteger(tiles.size());
    }

    /**
     * Records the sharpness of the tile at {@code position} in the grid's tile list; the last of them stores the
     * values and writes the preview. Each position must be reported once. Safe on any thread.
     */
    void record(int position, double sharpness) throws IOException, SQLException {
        values[position] = sharpness;
        if (remaining.decrementAndGet() == 0) { // the decrement publishes every earlier thread's write
            save(store, slideId, tilingId, tiles, values, preview);
        }
    }

    /** Stores a grid's sharpness values and then, when asked, its preview with the blurred tiles crossed. */
    static void save(FeatureStore store, String slideId, String tilingId, List<Tile> tiles, double[] values, Optional<Preview> preview)
            throws IOException, SQLException {
        if (preview.isPresent()) {
            Preview p = preview.get();
            Set<Integer> blurred = new HashSet<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] < Sharpness.DEFAULT_MIN) {
                    blurred.add(tiles.get(i).index());
                }
            }
            TilingPreview.write(p.png(), p.thumbnail().image(), p.thumbnail().downsample(), p.mask(), p.grid(), blurred::contains);
        }
        try (Connection connection = store.newConnection()) {
            new SharpnessCatalogue(connection).save(slideId, tilingId, tiles, values);
        }
    }
}
