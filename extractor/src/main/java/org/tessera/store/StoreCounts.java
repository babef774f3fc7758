package org.tessera.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How much a store holds, for merge and verify reports: catalogue rows, and tiles summed over embedding sets. */
public record StoreCounts(long slides, long backbones, long tilings, long grids, long sets, long embeddedTiles, long runs) {
    public static StoreCounts of(FeatureStore store) throws SQLException {
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM slides), (SELECT count(*) FROM backbones), "
                        + "(SELECT count(*) FROM tilings), (SELECT count(*) FROM tile_grids), (SELECT count(*) FROM embedding_sets), "
                        + "(SELECT coalesce(sum(n_tiles), 0) FROM embedding_sets), (SELECT count(*) FROM extraction_runs)")) {
            r.next();
            return new StoreCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7));
        }
    }

    @Override
    public String toString() {
        return slides + " slides, " + backbones + " backbones, " + tilings + " tilings, " + grids + " tile grids, " + sets
                + " embedding sets (" + embeddedTiles + " tiles), " + runs + " extraction runs";
    }
}
