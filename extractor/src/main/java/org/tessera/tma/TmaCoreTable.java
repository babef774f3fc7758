package org.tessera.tma;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/** The table {@code tma_cores} (V015__regions.sql): a slide's cores, replaced as a whole by each de-arraying. */
final class TmaCoreTable {
    private TmaCoreTable() {
    }

    static void replace(Connection c, String slideId, GridFitter.Result result, Map<String, String> patients) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM tma_cores WHERE slide_id = ?")) {
            p.setString(1, slideId);
            p.executeUpdate();
        }
        double emptyRadius = Math.min(result.grid().colPitch(), result.grid().rowPitch()) / 2;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO tma_cores (slide_id, label, grid_row, grid_col, found, x, y, "
                + "radius, patient_id) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (GridFitter.Placed placed : result.placed()) {
                row(p, slideId, placed.label(), placed.row(), placed.col(), true, placed.core().x(), placed.core().y(),
                        placed.core().radius(), patients.get(placed.label()));
            }
            for (GridFitter.Missing m : result.missing()) {
                row(p, slideId, m.label(), m.row(), m.col(), false, m.x(), m.y(), emptyRadius, patients.get(m.label()));
            }
            List<Core> extra = result.extra();
            for (int i = 0; i < extra.size(); i++) {
                Core e = extra.get(i);
                row(p, slideId, "extra-" + (i + 1), null, null, true, e.x(), e.y(), e.radius(), null);
            }
            p.executeBatch();
        }
    }

    private static void row(PreparedStatement p, String slideId, String label, Integer r, Integer col, boolean found, double x,
            double y, double radius, String patient) throws SQLException {
        p.setString(1, slideId);
        p.setString(2, label);
        if (r == null) {
            p.setNull(3, Types.INTEGER);
            p.setNull(4, Types.INTEGER);
        } else {
            p.setInt(3, r);
            p.setInt(4, col);
        }
        p.setBoolean(5, found);
        p.setDouble(6, x);
        p.setDouble(7, y);
        p.setDouble(8, radius);
        if (patient == null) {
            p.setNull(9, Types.VARCHAR);
        } else {
            p.setString(9, patient);
        }
        p.addBatch();
    }
}
