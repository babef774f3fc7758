package org.tessera.train;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.LinearWeights;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.FeatureSetException;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.GeneMetrics;
import org.tessera.heads.Targets;
import org.tessera.splits.Fold;
import org.tessera.splits.Split;
import org.tessera.splits.SplitStore;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.stats.Alternative;
import org.tessera.store.FeatureStore;

/**
 * A cross-validated training run: pooled slide features averaged per patient, a patient-level k-fold split
 * made and stored before the targets are read (as PathoMCH does), the head fitted on each fold's training
 * patients and applied to its held-out ones, and per-gene metrics of the out-of-fold predictions (so every
 * p-value comes from patients the model did not see) stored in {@code gene_results}. p-values are one-sided
 * (H1: positive correlation; see {@link org.tessera.stats.Alternative}) and q-values are Benjamini-Hochberg over
 * the run's genes.
 *
 * <p>With a test fraction (EMO's protocol) the split is a hold-out: a patient-level test set and k folds of
 * the remaining pool. The out-of-fold predictions on the pool are the validation set (gene_results' V005
 * columns), the genes passing {@link GeneCall.Rule#EMO} are selected from them, and the head refitted on the
 * whole pool is applied once to the test patients, whose metrics confirm or not each selected gene
 * (gene_results' {@code test_*}, {@code selected}, {@code confirmed}). Per-unit correlations across genes
 * (hist2RNA) go to {@code unit_results}.
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
            long seed, Head head, UnitLevel unit, SplitScheme scheme, double testFraction) {
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
            if (!(testFraction >= 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test fraction must be in [0, 1) (0: no test set), got " + testFraction);
            }
            if (testFraction > 0 && scheme != SplitScheme.K_FOLD) {
                throw new IllegalArgumentException("a held-out test set (test fraction " + testFraction + ") needs the k-fold scheme, not "
                        + scheme);
            }
        }

        /** No held-out test set: every unit is validated out-of-fold. */
        public Options(FeatureSet featureSet, Map<String, String> parameters, String targetsSql, String splitName, int folds,
                long seed, Head head, UnitLevel unit, SplitScheme scheme) {
            this(featureSet, parameters, targetsSql, splitName, folds, seed, head, unit, scheme, 0);
        }

        /** Patient-level k-fold on patients: hist2RNA's setting. */
        public Options(FeatureSet featureSet, Map<String, String> parameters, String targetsSql, String splitName, int folds,
                long seed, Head head) {
            this(featureSet, parameters, targetsSql, splitName, folds, seed, head, UnitLevel.PATIENT, SplitScheme.K_FOLD, 0);
        }

        /** This run with a patient-level held-out test set of about {@code fraction} of the patients. */
        public Options withTestFraction(double fraction) {
            return new Options(featureSet, parameters, targetsSql, splitName, folds, seed, head, unit, scheme, fraction);
        }
    }

    /**
     * The run's outcome: sizes, exclusions, per-gene validation (out-of-fold) metrics, per-gene calls (adjusted
     * p, selection, test metrics and confirmation, in the order of {@code metrics}) and per-unit correlations
     * across genes. {@code patients} counts every unit with targets; {@code testUnits} of them were held out.
     */
    public record Report(int runId, int patients, int slides, int features, int genes, int patientsWithoutTargets,
            int genesIncomplete, String splitName, List<GeneMetric> metrics, double seconds, int testUnits,
            List<GeneCall> calls, List<UnitResult> units) {
        public Report {
            metrics = List.copyOf(metrics);
            calls = List.copyOf(calls);
            units = List.copyOf(units);
        }

        public long selected() {
            return calls.stream().filter(GeneCall::selected).count();
        }

        public long confirmed() {
            return calls.stream().filter(GeneCall::confirmed).count();
        }

        /** Median per-unit Spearman rho across genes of the validation or test units (see {@link UnitResult}). */
        public double medianUnitSpearman(String evaluation) {
            return UnitResult.medianSpearman(units, evaluation);
        }

        public List<GeneMetric> best(int n) {
            return metrics.stream().filter(m -> Double.isFinite(m.spearmanRho()))
                    .sorted(Comparator.comparingDouble(GeneMetric::spearmanRho).reversed()).limit(n).toList();
        }
    }

    public static Report run(FeatureStore store, Options o) throws SQLException, FeatureSetException {
        return evaluate(store, o).report();
    }

    /** A run and the bundle written of its head refitted on the pool (every unit when there is no test set). */
    public record Bundled(Report report, String bundleId, Bundle bundle) {
    }

    /**
     * {@link #run}, then the head refitted on the pool written as a bundle to {@code dir} (which must not
     * exist), with the provenance of {@link TrainedBundle#resolve} (checked before training).
     *
     * @throws IllegalArgumentException if the head is not linear, or the backbone or tiling is missing or ambiguous
     */
    public static Bundled runAndBundle(FeatureStore store, Options o, Path dir, Optional<String> tilingId)
            throws SQLException, FeatureSetException, IOException {
        if (!(o.head() instanceof LinearHead head)) {
            throw new IllegalArgumentException("head " + o.head().name() + " is not linear: it cannot be written as a bundle");
        }
        TrainedBundle provenance = TrainedBundle.resolve(store, o, tilingId);
        Evaluated e = evaluate(store, o);
        LinearWeights weights = head.fit(e.data().features().select(e.pool()), e.data().targets().select(e.pool()));
        Bundle bundle = provenance.bundle(head, o, e.split(), e.report(), weights);
        String id = bundle.write(dir);
        return new Bundled(e.report(), id, bundle);
    }

    private record Evaluated(Report report, Split split, PatientData data, int[] pool) {
    }

    private static Evaluated evaluate(FeatureStore store, Options o) throws SQLException, FeatureSetException {
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
                : o.testFraction() > 0 ? Splits.holdOut(o.splitName(), units, o.testFraction(), o.folds(), o.seed())
                : Splits.kFold(o.splitName(), units, Math.min(o.folds(), units.size()), o.seed());
        SplitStore.save(store, split); // before any target is read
        PatientData data = PatientData.align(store, patients, slides.rows(), o.targetsSql());
        List<String> rowUnits = data.features().slideIds();
        int[] pool = split.poolRows(rowUnits);
        int[] test = split.testRows(rowUnits);
        if (test.length > 0 && test.length < 3) {
            throw new IllegalArgumentException("only " + test.length + " test units have targets: test metrics need at least 3; "
                    + "raise the test fraction (" + o.testFraction() + ")");
        }
        double[][] outOfFold = new double[data.targets().rows()][];
        for (Fold fold : split.allFolds()) {
            int[] train = fold.trainRows(rowUnits);
            int[] held = fold.validationRows(rowUnits);
            if (held.length == 0) {
                continue;
            }
            double[][] predicted = o.head().fitPredict(data.features().select(train), data.targets().select(train),
                    data.features().select(held));
            for (int i = 0; i < held.length; i++) {
                outOfFold[held[i]] = predicted[i];
            }
        }
        double[][] validation = new double[pool.length][];
        for (int i = 0; i < pool.length; i++) {
            validation[i] = outOfFold[pool[i]];
        }
        Targets poolTargets = data.targets().select(pool);
        List<GeneMetric> metrics = GeneMetrics.of(poolTargets, validation, Alternative.GREATER);
        List<UnitResult> unitResults = new ArrayList<>(UnitResult.of(ids(rowUnits, pool), poolTargets, validation, UnitResult.VALIDATION));
        Optional<List<GeneMetric>> testMetrics = Optional.empty();
        if (test.length > 0) {
            // the head refitted on the whole pool, applied once to patients no fold has seen
            double[][] predicted = o.head().fitPredict(data.features().select(pool), poolTargets, data.features().select(test));
            Targets testTargets = data.targets().select(test);
            testMetrics = Optional.of(GeneMetrics.of(testTargets, predicted, Alternative.GREATER));
            unitResults.addAll(UnitResult.of(ids(rowUnits, test), testTargets, predicted, UnitResult.TEST));
        }
        List<GeneCall> calls = GeneCall.of(metrics, testMetrics, GeneCall.Rule.EMO);
        double seconds = (System.nanoTime() - start) / 1e9;
        int runId = record(store, o, split, data, metrics, calls, unitResults, seconds);
        return new Evaluated(new Report(runId, data.features().rows(), data.slides(), data.features().cols(), data.targets().outputs(),
                data.patientsWithoutTargets(), data.genesIncomplete(), split.name(), metrics, seconds, test.length, calls, unitResults),
                split, data, pool);
    }

    private static List<String> ids(List<String> rowUnits, int[] rows) {
        return IntStream.of(rows).mapToObj(rowUnits::get).toList();
    }

    private static int record(FeatureStore store, Options o, Split split, PatientData data, List<GeneMetric> metrics,
            List<GeneCall> calls, List<UnitResult> units, double seconds) throws SQLException {
        int[] id = new int[1];
        store.inTransaction(c -> {
            id[0] = new RunRecord(o.head().name(), o.featureSet().name(), o.featureSet().render(o.parameters()), o.targetsSql(),
                    split.name(), data.features().rows(), data.features().cols(), data.targets().outputs(),
                    new RunRecord.BulkParameters(split.folds(), split.seed(), String.valueOf(o.scheme()), String.valueOf(o.unit()),
                            o.head().name(), o.testFraction()),
                    seconds).insert(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gene_results (run_id, gene, pearson_r, pearson_p, pearson_q, "
                    + "spearman_rho, spearman_p, spearman_q, r2_pred, spearman_p_bonferroni, spearman_p_holm, selected, confirmed, "
                    + "test_pearson_r, test_pearson_p, test_spearman_rho, test_spearman_p, test_r2_pred) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int j = 0; j < metrics.size(); j++) {
                    GeneMetric m = metrics.get(j);
                    GeneCall call = calls.get(j);
                    p.setInt(1, id[0]);
                    p.setString(2, m.gene());
                    setFinite(p, 3, m.pearsonR());
                    setFinite(p, 4, m.pearsonP());
                    setFinite(p, 5, m.pearsonQ());
                    setFinite(p, 6, m.spearmanRho());
                    setFinite(p, 7, m.spearmanP());
                    setFinite(p, 8, m.spearmanQ());
                    setFinite(p, 9, m.r2());
                    setFinite(p, 10, call.spearmanBonferroni());
                    setFinite(p, 11, call.spearmanHolm());
                    p.setBoolean(12, call.selected());
                    p.setBoolean(13, call.confirmed());
                    GeneMetric t = call.test().orElse(null);
                    setFinite(p, 14, t == null ? Double.NaN : t.pearsonR());
                    setFinite(p, 15, t == null ? Double.NaN : t.pearsonP());
                    setFinite(p, 16, t == null ? Double.NaN : t.spearmanRho());
                    setFinite(p, 17, t == null ? Double.NaN : t.spearmanP());
                    setFinite(p, 18, t == null ? Double.NaN : t.r2());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO unit_results (run_id, unit, evaluation, spearman_rho, pearson_r) "
                    + "VALUES (?,?,?,?,?)")) {
                for (UnitResult u : units) {
                    p.setInt(1, id[0]);
                    p.setString(2, u.unit());
                    p.setString(3, u.evaluation());
                    setFinite(p, 4, u.spearmanRho());
                    setFinite(p, 5, u.pearsonR());
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
