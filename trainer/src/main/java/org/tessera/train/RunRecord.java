package org.tessera.train;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tessera.store.SoftwareVersion;

/**
 * A {@code training_runs} row, shared by every kind of training run; {@link #insert} returns its id.
 * {@code parameters} is the run kind's parameter record, stored as JSON.
 */
record RunRecord(String head, String featureSet, String featureSql, String targetsSql, String splitName, int units, int features,
        int genes, Object parameters, double seconds) {

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
            p.setString(9, org.tessera.store.Json.write(parameters));
            p.setString(10, SoftwareVersion.get());
            p.setDouble(11, seconds);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A bulk training run's parameters. */
    record BulkParameters(int folds, long seed, String scheme, String unit, String head, double testFraction) {
    }

    /** A tile regression run's parameters. */
    record TileRegressionParameters(int folds, long seed, long tiles) {
    }

    /** A tile classifier run's parameters. */
    record TileClassifierParameters(String trait, double lowPercentile, double highPercentile, double nearWidth,
            double testFraction, int splits, int ensemble, long seed, long tiles) {
    }
}
