package org.tessera.train;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.FeatureSetException;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.GeneMetrics;
import org.tessera.splits.Fold;
import org.tessera.splits.Split;
import org.tessera.splits.SplitStore;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.store.FeatureStore;
import org.tessera.store.SoftwareVersion;

/**
 * A cross-validated training run: pooled slide features averaged per patient, a patient-level k-fold split
 * made and stored before the targets are read (as PathoMCH does), the head fitted on each fold's training
 * patients and applied to its held-out ones, and per-gene metrics of the out-of-fold predictions (so every
 * p-value comes from patients the model did not see) stored in {@code gene_results}. p-values are one-sided
 * (H1: positive correlation; see {@link GeneMetrics.Alternative}) and q-values are Benjamini-Hochberg over
 * the run's genes.
 */
public final class Training {
    private Training() {
    }

    /**
     * What a training row is: a patient (the mean of its slides' pooled vectors, hist2RNA) or a row of the
     * feature set as it comes (a slide, or a region of one), still grouped by patient for the split.
     */
    public enum UnitLevel { PATIENT, ROW }

    /** How units are split: patient-level k-fold, or one fold per patient (leave-one-patient-out). */
    public enum SplitScheme { K_FOLD, LEAVE_ONE_PATIENT_OUT }

    /**
     * What to train: a feature set (pooled), a targets query {@code (unit id, gene, value)} whose first column
     * is the patient id (PATIENT units) or the feature set's {@code slide_id} (ROW units), the split and the head.
     */
    public record Options(FeatureSet featureSet, Map<String, String> parameters, String targetsSql, String splitName, int folds,
            long seed, Head head, UnitLevel unit, SplitScheme scheme) {
        public Options {
            Objects.requireNonNull(featureSet, "featureSet");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(targetsSql, "targetsSql");
            Objects.requireNonNull(head, "head");
            if (featureSet.pooling() == org.tessera.featureset.Pooling.NONE) {
                throw new IllegalArgumentException("feature set '" + featureSet.name() + "' is tile-level (pooling none): "
                        + "patient-level heads need pooled features (mean, mean+std or max)");
            }
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
            if (splitName == null || splitName.isBlank()) {
                throw new IllegalArgumentException("split name must not be blank");
            }
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(scheme, "scheme");
        }

        /** Patient-level k-fold on patients: hist2RNA's setting. */
        public Options(FeatureSet featureSet, Map<String, String> parameters, String targetsSql, String splitName, int folds,
                long seed, Head head) {
            this(featureSet, parameters, targetsSql, splitName, folds, seed, head, UnitLevel.PATIENT, SplitScheme.K_FOLD);
        }
    }

    /** The run's outcome: sizes, exclusions and per-gene out-of-fold metrics (best first by Spearman rho). */
    public record Report(int runId, int patients, int slides, int features, int genes, int patientsWithoutTargets,
            int genesIncomplete, String splitName, List<GeneMetric> metrics, double seconds) {
        public Report {
            metrics = List.copyOf(metrics);
        }

        public List<GeneMetric> best(int n) {
            return metrics.stream().filter(m -> Double.isFinite(m.spearmanRho()))
                    .sorted(Comparator.comparingDouble(GeneMetric::spearmanRho).reversed()).limit(n).toList();
        }
    }

    public static Report run(FeatureStore store, Options o) throws SQLException, FeatureSetException {
        long start = System.nanoTime();
        FeatureMatrix slides;
        try (BufferAllocator allocator = new RootAllocator()) {
            slides = FeatureMatrices.read(store, o.featureSet(), o.parameters(), allocator);
        }
        FeatureMatrix patients = o.unit() == UnitLevel.PATIENT ? PatientData.byPatient(slides) : slides;
        List<Unit> units = new ArrayList<>();
        for (int r = 0; r < patients.rows(); r++) {
            String id = patients.slideId(r);
            units.add(Unit.of(id, o.unit() == UnitLevel.PATIENT ? id : patients.patientId(r).orElseThrow(() ->
                    new IllegalArgumentException("row " + id + " has no patient id: the feature set must return patient_id"))));
        }
        Split split = o.scheme() == SplitScheme.LEAVE_ONE_PATIENT_OUT ? Splits.leaveOnePatientOut(o.splitName(), units)
                : Splits.kFold(o.splitName(), units, Math.min(o.folds(), units.size()), o.seed());
        SplitStore.save(store, split); // before any target is read
        PatientData data = PatientData.align(store, patients, slides.rows(), o.targetsSql());
        List<String> rowUnits = data.features().slideIds();
        double[][] outOfFold = new double[data.targets().rows()][];
        for (Fold fold : split.allFolds()) {
            int[] train = fold.trainRows(rowUnits);
            int[] test = fold.validationRows(rowUnits);
            if (test.length == 0) {
                continue;
            }
            double[][] predicted = o.head().fitPredict(data.features().select(train), data.targets().select(train),
                    data.features().select(test));
            for (int i = 0; i < test.length; i++) {
                outOfFold[test[i]] = predicted[i];
            }
        }
        List<GeneMetric> metrics = GeneMetrics.of(data.targets(), outOfFold, GeneMetrics.Alternative.GREATER);
        double seconds = (System.nanoTime() - start) / 1e9;
        int runId = record(store, o, split, data, metrics, seconds);
        return new Report(runId, data.features().rows(), data.slides(), data.features().cols(), data.targets().outputs(),
                data.patientsWithoutTargets(), data.genesIncomplete(), split.name(), metrics, seconds);
    }

    private static int record(FeatureStore store, Options o, Split split, PatientData data, List<GeneMetric> metrics,
            double seconds) throws SQLException {
        int[] id = new int[1];
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO training_runs (head, feature_set, feature_sql, targets_sql, "
                    + "split_name, n_units, n_features, n_genes, parameters, software_version, seconds) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING run_id")) {
                p.setString(1, o.head().name());
                p.setString(2, o.featureSet().name());
                p.setString(3, o.featureSet().render(o.parameters()));
                p.setString(4, o.targetsSql());
                p.setString(5, split.name());
                p.setInt(6, data.features().rows());
                p.setInt(7, data.features().cols());
                p.setInt(8, data.targets().outputs());
                p.setString(9, "{\"folds\": " + split.folds() + ", \"seed\": " + split.seed() + ", \"scheme\": \"" + o.scheme()
                        + "\", \"unit\": \"" + o.unit() + "\", \"head\": \"" + o.head().name() + "\"}");
                p.setString(10, SoftwareVersion.get());
                p.setDouble(11, seconds);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    id[0] = r.getInt(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gene_results VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (GeneMetric m : metrics) {
                    p.setInt(1, id[0]);
                    p.setString(2, m.gene());
                    setFinite(p, 3, m.pearsonR());
                    setFinite(p, 4, m.pearsonP());
                    setFinite(p, 5, m.pearsonQ());
                    setFinite(p, 6, m.spearmanRho());
                    setFinite(p, 7, m.spearmanP());
                    setFinite(p, 8, m.spearmanQ());
                    setFinite(p, 9, m.r2());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
        return id[0];
    }

    /** Undefined metrics (a constant gene) are stored as NULL, never as NaN. */
    private static void setFinite(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(i, v);
        } else {
            p.setNull(i, java.sql.Types.DOUBLE);
        }
    }
}
