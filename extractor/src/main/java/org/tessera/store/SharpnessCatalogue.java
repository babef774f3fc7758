package org.tessera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tessera.tiling.Tile;

/** The table {@code tile_sharpness} (V015__regions.sql): each kept tile's sharpness, written once per grid. */
public final class SharpnessCatalogue {
    private final Connection connection;

    /** On the caller's connection (the store's, or a thread's from {@link FeatureStore#newConnection()}). */
    public SharpnessCatalogue(Connection connection) {
        this.connection = connection;
    }

    public boolean has(String slideId, String tilingId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT count(*) FROM tile_sharpness WHERE slide_id = ? AND tiling_id = ?")) {
            p.setString(1, slideId);
            p.setString(2, tilingId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /** Replaces a grid's sharpness values; {@code values[i]} belongs to {@code tiles.get(i)}. */
    public void save(String slideId, String tilingId, List<Tile> tiles, double[] values) throws SQLException {
        if (tiles.size() != values.length) {
            throw new IllegalArgumentException(tiles.size() + " tiles but " + values.length + " sharpness values");
        }
        FeatureStore.inTransaction(connection, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM tile_sharpness WHERE slide_id = ? AND tiling_id = ?")) {
                p.setString(1, slideId);
                p.setString(2, tilingId);
                p.executeUpdate();
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tile_sharpness")) {
                for (int i = 0; i < values.length; i++) {
                    a.beginRow();
                    a.append(slideId);
                    a.append(tilingId);
                    a.append(tiles.get(i).index());
                    a.append(values[i]);
                    a.endRow();
                }
            }
        });
    }
}
