package org.tessera.train;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tessera.store.SoftwareVersion;

/** A {@code training_runs} row, shared by every kind of training run; {@link #insert} returns its id. */
record RunRecord(String head, String featureSet, String featureSql, String targetsSql, String splitName, int units, int features,
        int genes, String parametersJson, double seconds) {

    int insert(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO training_runs (head, feature_set, feature_sql, targets_sql, "
                + "split_name, n_units, n_features, n_genes, parameters, software_version, seconds) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING run_id")) {
            p.setString(1, head);
            p.setString(2, featureSet);
            p.setString(3, featureSql);
            p.setString(4, targetsSql);
            p.setString(5, splitName);
            p.setInt(6, units);
            p.setInt(7, features);
            p.setInt(8, genes);
            p.setString(9, parametersJson);
            p.setString(10, SoftwareVersion.get());
            p.setDouble(11, seconds);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
