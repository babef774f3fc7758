package org.tessera.extract;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;

/**
 * A tissue grid narrowed to the tiles of a {@link TileSelection}: the grid (with its sharpness and coverage) is
 * made as usual by the wrapped source, then only the selected tiles go on to the backbone.
 */
final class SelectedSource implements TileSource {
    private final FeatureStore store;
    private final GridBuilder grid;
    private final TileSelection selection;

    SelectedSource(FeatureStore store, GridBuilder grid, TileSelection selection) {
        this.store = store;
        this.grid = grid;
        this.selection = selection;
    }

    @Override
    public String register() throws SQLException {
        return grid.register();
    }

    @Override
    public Planned ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        List<Tile> tiles = grid.ensureMeasured(record, slide, tilingId);
        Set<Integer> keep = new HashSet<>();
        try (Connection c = store.newConnection();
                PreparedStatement p = c.prepareStatement("SELECT t.tile_index FROM tiles t "
                        + "LEFT JOIN tile_sharpness q USING (slide_id, tiling_id, tile_index) "
                        + "LEFT JOIN tile_regions r ON r.slide_id = t.slide_id AND r.tiling_id = t.tiling_id "
                        + "AND r.tile_index = t.tile_index AND r.class = ? "
                        + "WHERE t.slide_id = ? AND t.tiling_id = ? AND (? OR coalesce(r.fraction, 0) >= ?) "
                        + "AND coalesce(q.sharpness, 0) >= ?")) {
            p.setString(1, selection.region().orElse(""));
            p.setString(2, record.slideId());
            p.setString(3, tilingId);
            p.setBoolean(4, selection.region().isEmpty());
            p.setDouble(5, selection.minFraction());
            p.setDouble(6, selection.minSharpness());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    keep.add(r.getInt(1));
                }
            }
        }
        return Planned.of(tiles.stream().filter(t -> keep.contains(t.index())).toList());
    }

    @Override
    public int tilePx() {
        return grid.tilePx();
    }

    @Override
    public double mpp() {
        return grid.mpp();
    }

    @Override
    public int variants() {
        return grid.variants();
    }

    @Override
    public String noTilesReason() {
        return "no kept tile is " + selection.describe()
                + selection.region().map(r -> "; the slide's classes: tessera sql \"SELECT class, count(*) FROM annotations "
                        + "GROUP BY ALL\"; import annotations with 'tessera annotations import'").orElse("");
    }

    @Override
    public Object parameters() {
        return new Parameters(grid.parameters(), selection.parameters());
    }

    /** The grid's parameters, then the selection's (one flat JSON object in the run log). */
    record Parameters(@com.fasterxml.jackson.annotation.JsonUnwrapped Object grid,
            @com.fasterxml.jackson.annotation.JsonUnwrapped TileSelection.Parameters selection) {
    }

    /**
     * The slides a whole-grid run skips although their embedding set holds fewer tiles than their grid (an earlier
     * run with a selection), as failures saying how to embed the rest: a full run never passes them silently.
     */
    static List<ExtractionReport.Failure> partialSets(FeatureStore store, List<SlideRecord> selected, List<SlideRecord> todo,
            String tilingId, String weightsSha256, String stain) throws SQLException {
        Set<String> skipped = new HashSet<>();
        selected.forEach(s -> skipped.add(s.slideId()));
        todo.forEach(s -> skipped.remove(s.slideId()));
        List<ExtractionReport.Failure> out = new java.util.ArrayList<>();
        if (skipped.isEmpty()) {
            return out;
        }
        try (PreparedStatement p = store.connection().prepareStatement("SELECT e.slide_id, e.n_tiles, g.n_tiles FROM embedding_sets e "
                + "JOIN tile_grids g USING (slide_id, tiling_id) WHERE e.tiling_id = ? AND e.weights_sha256 = ? AND e.stain = ? "
                + "AND e.n_tiles < g.n_tiles ORDER BY e.slide_id")) {
            p.setString(1, tilingId);
            p.setString(2, weightsSha256);
            p.setString(3, stain);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    if (skipped.contains(id)) {
                        String path = selected.stream().filter(s -> s.slideId().equals(id)).findFirst().orElseThrow().path();
                        out.add(new ExtractionReport.Failure(path, "its embeddings hold " + r.getInt(2) + " of the grid's "
                                + r.getInt(3) + " tiles (an earlier extract with --region or --min-sharpness), so a whole-grid "
                                + "run does not redo it; to embed every tile, drop that set first: tessera sql --write \"DELETE FROM "
                                + "embedding_sets WHERE slide_id = '" + id + "' AND tiling_id = '" + tilingId
                                + "'\" (its files are removed when the store is next opened)"));
                    }
                }
            }
        }
        return out;
    }
}
