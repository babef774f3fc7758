package org.tessera.maps;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tessera.store.FeatureStore;
import org.tessera.store.GridRecord;
import org.tessera.store.Json;

/**
 * PathoMCH over the store: a slide's cartography from its traits' tile calls, and its row in the
 * {@code heterogeneity} table (schema V011).
 */
public final class HeterogeneityTable {
    private HeterogeneityTable() {
    }

    /** The slide's cartography on its grid: tiles with a call for every trait, absent cells elsewhere. */
    public static Cartography cartography(FeatureStore store, GridRecord grid, List<TraitSource> traits) throws SQLException {
        List<Map<Integer, Boolean>> calls = new ArrayList<>();
        for (TraitSource t : traits) {
            Map<Integer, Boolean> c = t.calls(store, grid.slideId());
            if (c.isEmpty()) {
                throw new IllegalArgumentException("trait '" + t.name() + "' has no tile calls on slide " + grid.slideId() + " in run "
                        + t.runId() + " (" + t.table() + ")");
            }
            calls.add(c);
        }
        return Cartography.of(traits.stream().map(TraitSource::name).toList(), grid.columns(), grid.rows(), calls);
    }

    /** Records one slide's result; returns its heterogeneity_id. */
    public static int insert(FeatureStore store, GridRecord grid, List<TraitSource> traits, Heterogeneity h, Optional<Path> map)
            throws SQLException {
        String source = traits.stream().map(TraitSource::table).distinct().count() == 1 ? traits.get(0).table() : "mixed";
        return insert(store, source, traits.stream().map(TraitSource::runId).toList(), grid.slideId(), grid.tilingId(), h, map);
    }

    /** Deletes earlier results of the same source, slide, tiling and traits (so a re-run replaces them); returns how many. */
    public static int delete(FeatureStore store, String source, String slideId, String tilingId, List<String> traits) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement("DELETE FROM heterogeneity WHERE source = ? AND slide_id = ? "
                + "AND tiling_id = ? AND traits = from_json(?, '[\"VARCHAR\"]')")) {
            p.setString(1, source);
            p.setString(2, slideId);
            p.setString(3, tilingId);
            p.setString(4, Json.write(traits));
            return p.executeUpdate();
        }
    }

    /**
     * Records one result whose traits come from {@code source} (e.g. 'spot_predictions' for a spatial section, whose
     * "tiles" are the spot patches of {@code tilingId}); {@code runIds} may be empty when the source has no run ids.
     */
    public static int insert(FeatureStore store, String source, List<Integer> runIds, String slideId, String tilingId, Heterogeneity h,
            Optional<Path> map) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        long[] c = h.counts();
        for (int m = 0; m < c.length; m++) {
            counts.put(Cartography.combinationName(h.traits(), m), c[m]);
        }
        try (PreparedStatement p = store.connection().prepareStatement("INSERT INTO heterogeneity (source, run_ids, slide_id, tiling_id, "
                + "traits, n_tiles, n_positive, hti, shares, counts, map_path) VALUES (?, CAST(? AS INTEGER[]), ?, ?, from_json(?, '[\"VARCHAR\"]'), "
                + "?, ?, ?, ?, ?, ?) RETURNING heterogeneity_id")) {
            p.setString(1, source);
            p.setString(2, runIds.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
            p.setString(3, slideId);
            p.setString(4, tilingId);
            p.setString(5, Json.write(h.traits()));
            p.setLong(6, h.nTiles());
            p.setLong(7, h.nPositive());
            if (h.hti().isPresent()) {
                p.setDouble(8, h.hti().getAsDouble());
            } else {
                p.setNull(8, java.sql.Types.DOUBLE);
            }
            p.setString(9, Json.write(h.shares()));
            p.setString(10, Json.write(counts));
            p.setString(11, map.map(x -> x.toAbsolutePath().toString()).orElse(null));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
