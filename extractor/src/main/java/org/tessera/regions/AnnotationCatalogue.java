package org.tessera.regions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** The tables {@code annotation_sets}, {@code annotations} and {@code tile_regions} (V015__regions.sql). */
final class AnnotationCatalogue {
    private final Connection connection;

    AnnotationCatalogue(Connection connection) {
        this.connection = connection;
    }

    /** Replaces the annotations of one source file of a slide, inside the caller's transaction. */
    void replace(String slideId, String source, String format, String sha256, List<Annotation> annotations) throws SQLException {
        for (String table : List.of("annotations", "annotation_sets")) {
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + table + " WHERE slide_id = ? AND source = ?")) {
                p.setString(1, slideId);
                p.setString(2, source);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO annotation_sets (slide_id, source, format, sha256, n_features) VALUES (?,?,?,?,?)")) {
            p.setString(1, slideId);
            p.setString(2, source);
            p.setString(3, format);
            p.setString(4, sha256);
            p.setInt(5, annotations.size());
            p.executeUpdate();
        }
        WKTWriter wkt = new WKTWriter();
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO annotations (slide_id, source, annotation_id, class, "
                + "name, area, geometry) VALUES (?,?,?,?,?,?,?)")) {
            for (Annotation a : annotations) {
                p.setString(1, slideId);
                p.setString(2, source);
                p.setString(3, a.id());
                p.setString(4, a.className());
                if (a.name().isPresent()) {
                    p.setString(5, a.name().get());
                } else {
                    p.setNull(5, Types.VARCHAR);
                }
                p.setDouble(6, a.geometry().getArea());
                p.setString(7, wkt.write(a.geometry()));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Every annotation of a slide, from all its sources. */
    List<Annotation> of(String slideId) throws SQLException {
        List<Annotation> out = new ArrayList<>();
        WKTReader reader = new WKTReader();
        try (PreparedStatement p = connection.prepareStatement("SELECT source, annotation_id, class, name, geometry FROM annotations "
                + "WHERE slide_id = ? ORDER BY source, annotation_id")) {
            p.setString(1, slideId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    try {
                        out.add(new Annotation(r.getString(2), r.getString(3), Optional.ofNullable(r.getString(4)),
                                reader.read(r.getString(5))));
                    } catch (ParseException e) {
                        throw new SQLException("annotation " + r.getString(2) + " of slide " + slideId + " (" + r.getString(1)
                                + "): stored geometry is not WKT: " + e.getMessage(), e);
                    }
                }
            }
        }
        return out;
    }

    /** The tiling ids the slide has a tile grid under. */
    List<String> tilings(String slideId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT tiling_id FROM tile_grids WHERE slide_id = ? ORDER BY tiling_id")) {
            p.setString(1, slideId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    boolean hasCoverage(String slideId, String tilingId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT count(*) FROM tile_regions WHERE slide_id = ? AND tiling_id = ?")) {
            p.setString(1, slideId);
            p.setString(2, tilingId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /** Replaces a grid's coverage rows, inside the caller's transaction. */
    void replaceCoverage(String slideId, String tilingId, List<TileRegion> regions) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM tile_regions WHERE slide_id = ? AND tiling_id = ?")) {
            p.setString(1, slideId);
            p.setString(2, tilingId);
            p.executeUpdate();
        }
        try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tile_regions")) {
            for (TileRegion t : regions) {
                a.beginRow();
                a.append(slideId);
                a.append(tilingId);
                a.append(t.tileIndex());
                a.append(t.className());
                a.append(t.fraction());
                a.endRow();
            }
        }
    }
}
