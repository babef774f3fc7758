package org.tessera.score;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Makes a bundle's feature-set query see only the embeddings it was trained on. The store's views
 * ({@code embeddings}, {@code slide_embeddings_mean}, {@code tile_embeddings}) may hold a slide under several
 * tilings and stains, which the feature set's own SQL need not filter (the shipped {@code slide_mean} does
 * not); for the duration of a read, temporary views of the same names, restricted to the bundle's backbone,
 * tiling and stain and to the selected slides, shadow them on the store's connection (DuckDB resolves the
 * temporary schema first, also inside the store's views). Closing drops them. A feature set that reads
 * vectors from the tables directly bypasses this; the scorer keeps only selected slides in any case.
 */
final class ScopedViews implements AutoCloseable {
    static final String SLIDES = "tessera_scoring_slides";
    private static final String[] VIEWS = {"embeddings", "slide_embeddings_mean", "tile_embeddings"};

    private final Connection connection;

    private ScopedViews(Connection connection) {
        this.connection = connection;
    }

    static ScopedViews open(Connection connection, Collection<String> slideIds, String backbone, String tilingId, String stain)
            throws SQLException {
        ScopedViews scope = new ScopedViews(connection);
        try {
            scope.drop();
            String db;
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT current_database()")) {
                r.next();
                db = "\"" + r.getString(1).replace("\"", "\"\"") + "\".main.";
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TEMP TABLE " + SLIDES + " (slide_id VARCHAR PRIMARY KEY)");
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO temp.main." + SLIDES + " VALUES (?)")) {
                for (String id : slideIds) {
                    p.setString(1, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            String filter = " WHERE backbone = " + literal(backbone) + " AND tiling_id = " + literal(tilingId) + " AND stain = "
                    + literal(stain) + " AND slide_id IN (SELECT slide_id FROM temp.main." + SLIDES + ")";
            try (Statement s = connection.createStatement()) {
                for (String view : VIEWS) {
                    s.execute("CREATE TEMP VIEW " + view + " AS SELECT * FROM " + db + view + filter);
                }
            }
            return scope;
        } catch (SQLException | RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void drop() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String view : VIEWS) {
                s.execute("DROP VIEW IF EXISTS temp.main." + view);
            }
            s.execute("DROP TABLE IF EXISTS temp.main." + SLIDES);
        }
    }

    @Override
    public void close() throws SQLException {
        drop();
    }
}
