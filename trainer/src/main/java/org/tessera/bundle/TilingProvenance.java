package org.tessera.bundle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.tiling.TilingSpec;

/**
 * The tiling a bundle's features came from: the spec (tile size, pixel size, stride, minimum tissue), the
 * tissue method and the content-derived tiling id of the two, which is checked here so that a hand-edited
 * spec cannot keep a stale id.
 *
 * @param tilingId     the store's id of this tiling ({@link Ids#tilingId})
 * @param spec         tile geometry and tissue threshold
 * @param tissueMethod the tissue detector and its options, as the store records them
 */
public record TilingProvenance(String tilingId, TilingSpec spec, String tissueMethod) {
    public TilingProvenance {
        Objects.requireNonNull(spec, "spec");
        if (tissueMethod == null || tissueMethod.isBlank()) {
            throw new IllegalArgumentException("tiling " + tilingId + ": tissue method must not be blank");
        }
        String expected = Ids.tilingId(spec.key(), tissueMethod);
        if (!expected.equals(tilingId)) {
            throw new IllegalArgumentException("tiling id " + tilingId + " does not match its spec (" + spec.key()
                    + ") and tissue method (" + tissueMethod + "), whose id is " + expected);
        }
    }

    /** The provenance of a tiling registered in {@code store}. */
    public static TilingProvenance fromStore(FeatureStore store, String tilingId) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "SELECT tile_px, mpp, stride_px, min_tissue, tissue_method FROM tilings WHERE tiling_id = ?")) {
            p.setString(1, tilingId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("tiling " + tilingId + " is not in the store " + store.root());
                }
                return new TilingProvenance(tilingId, new TilingSpec(r.getInt(1), r.getDouble(2), r.getInt(3), r.getDouble(4)),
                        r.getString(5));
            }
        }
    }
}
