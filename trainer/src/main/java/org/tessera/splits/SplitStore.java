package org.tessera.splits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tessera.store.FeatureStore;

/**
 * Splits in the store's {@code splits} table. Saving a split under a name that already holds the same
 * assignments is a no-op (every head of an experiment reuses it); different assignments under a taken
 * name are refused rather than overwritten.
 */
public final class SplitStore {
    private SplitStore() {
    }

    public static void save(FeatureStore store, Split split) throws SQLException {
        List<SplitRow> existing = rows(store.connection(), split.name());
        if (!existing.isEmpty()) {
            if (!sorted(existing).equals(sorted(split.rows()))) {
                throw new SQLException("a different split named '" + split.name() + "' is already in the store; "
                        + "give another --split-name or reuse it");
            }
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO splits (split_name, unit, patient_id, fold, role, kind, seed) "
                    + "VALUES (?,?,?,?,?,?,?)")) {
                for (SplitRow r : split.rows()) {
                    p.setString(1, split.name());
                    p.setString(2, r.unit());
                    p.setString(3, r.patient());
                    p.setInt(4, r.fold());
                    p.setString(5, r.role().name());
                    p.setString(6, split.kind().name());
                    p.setLong(7, split.seed());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    static List<SplitRow> rows(Connection c, String name) throws SQLException {
        List<SplitRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT unit, patient_id, fold, role FROM splits WHERE split_name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new SplitRow(r.getString(1), r.getString(2), r.getInt(3), Role.valueOf(r.getString(4))));
                }
            }
        }
        return out;
    }

    private static List<SplitRow> sorted(List<SplitRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(SplitRow::unit)).toList();
    }
}
