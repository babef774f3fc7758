package org.tessera.score;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tessera.bundle.Bundle;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.files.AtomicFiles;
import org.tessera.store.FeatureStore;

/**
 * The store's {@code bundles} and {@code predictions} tables (migration V004), and the export of one run's
 * predictions to a file. A run's rows replace earlier rows of the same bundle and slides in one
 * transaction; rows go in through DuckDB's appender, as a run can hold slides x 20,000 genes.
 */
final class PredictionTable {
    private PredictionTable() {
    }

    /** Records the bundle and its predictions for the rows of {@code x}; returns the number of rows written. */
    static long write(FeatureStore store, Bundle bundle, String bundleId, String manifest, FeatureMatrix x, double[][] predicted)
            throws SQLException {
        List<String> genes = bundle.genes();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO bundles (bundle_id, kind, backbone, "
                    + "weights_sha256, tiling_id, stain, feature_set, genes, manifest) VALUES (?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, bundleId);
                p.setString(2, bundle.kind().label());
                p.setString(3, bundle.backbone().name());
                p.setString(4, bundle.backbone().weightsSha256());
                p.setString(5, bundle.tiling().tilingId());
                p.setString(6, bundle.stain());
                p.setString(7, bundle.featureSet().name());
                p.setInt(8, genes.size());
                p.setString(9, manifest);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM predictions WHERE bundle_id = ? AND slide_id = ?")) {
                for (String slide : x.slideIds()) {
                    p.setString(1, bundleId);
                    p.setString(2, slide);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "predictions")) {
                for (int i = 0; i < x.rows(); i++) {
                    String patient = x.patientId(i).orElse(null);
                    for (int j = 0; j < genes.size(); j++) {
                        a.beginRow();
                        a.append(bundleId);
                        a.append(x.slideId(i));
                        if (patient == null) {
                            a.appendNull();
                        } else {
                            a.append(patient);
                        }
                        a.append(genes.get(j));
                        a.append(predicted[i][j]);
                        a.append(now);
                        a.endRow();
                    }
                }
            }
        });
        return (long) x.rows() * genes.size();
    }

    /**
     * Exports the predictions of {@code bundleId} for the slides in the scoring scope's slide table, ordered by
     * slide then gene, to {@code out}: written beside it under a temporary name, then renamed into place.
     */
    static void export(FeatureStore store, String bundleId, List<String> slideIds, Path out, OutputFormat format)
            throws SQLException, IOException {
        Path target = out.toAbsolutePath().normalize();
        String ids = String.join(", ", slideIds.stream().map(PredictionTable::literal).toList());
        String query = "SELECT slide_id, patient_id, gene, predicted FROM predictions WHERE bundle_id = " + literal(bundleId)
                + (slideIds.isEmpty() ? " AND false" : " AND slide_id IN (" + ids + ")") + " ORDER BY slide_id, gene";
        String options = format == OutputFormat.PARQUET ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)";
        AtomicFiles.write(target, tmp -> {
            try (Statement s = store.connection().createStatement()) {
                s.execute("COPY (" + query + ") TO " + literal(tmp.toString()) + " " + options);
            } catch (SQLException e) {
                throw new SQLException(target + ": cannot write the predictions: " + e.getMessage(), e);
            }
        });
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
