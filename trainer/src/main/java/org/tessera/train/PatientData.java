package org.tessera.train;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.Targets;
import org.tessera.store.FeatureStore;

/**
 * Features and targets aligned patient by patient, the unit hist2RNA trains on: a patient's feature vector
 * is the mean of its slides' pooled vectors; its targets come from a query returning three columns by
 * position: {@code (unit id, gene, value)}. Only patients with both are kept, and only genes measured for every
 * kept patient; both exclusions are counted, never silent.
 */
public record PatientData(FeatureMatrix features, Targets targets, int slides, int patientsWithoutTargets,
        int genesIncomplete) {

    /** The patients (feature rows) of pooled slide features: the mean over each patient's slides, sorted by id. */
    public static FeatureMatrix byPatient(FeatureMatrix slideFeatures) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (int r = 0; r < slideFeatures.rows(); r++) {
            var patient = slideFeatures.patientId(r);
            if (patient.isEmpty()) {
                missing.add(slideFeatures.slideId(r));
                continue;
            }
            double[] sum = sums.computeIfAbsent(patient.get(), p -> new double[slideFeatures.cols()]);
            double[] row = slideFeatures.row(r);
            for (int c = 0; c < row.length; c++) {
                sum[c] += row[c];
            }
            counts.merge(patient.get(), 1, Integer::sum);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " slides have no patient id (e.g. " + missing.get(0)
                    + "): the feature set must return patient_id; add patients with 'tessera slides add --patient' or a manifest");
        }
        List<String> ids = new ArrayList<>(sums.keySet());
        double[][] rows = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            double[] s = sums.get(ids.get(i));
            int n = counts.get(ids.get(i));
            for (int c = 0; c < s.length; c++) {
                s[c] /= n;
            }
            rows[i] = s;
        }
        return FeatureMatrix.of(ids, rows);
    }

    /** Aligns patient features with the targets the query returns. */
    public static PatientData align(FeatureStore store, FeatureMatrix patients, int slides, String targetsSql) throws SQLException {
        return alignRows(patients, slides, readTargets(store, targetsSql));
    }

    /** The targets query's rows as unit id -> gene -> value (NULL and non-finite values left out). */
    public static Map<String, Map<String, Double>> readTargets(FeatureStore store, String targetsSql) throws SQLException {
        Map<String, Map<String, Double>> byPatient = new LinkedHashMap<>();
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery(targetsSql)) {
            if (r.getMetaData().getColumnCount() != 3) {
                throw new IllegalArgumentException("the targets query must return 3 columns (unit id, gene, value), not "
                        + r.getMetaData().getColumnCount() + ": " + targetsSql);
            }
            while (r.next()) {
                double v = r.getDouble(3);
                if (!r.wasNull() && Double.isFinite(v)) {
                    byPatient.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), v);
                }
            }
        }
        return byPatient;
    }

    private static PatientData alignRows(FeatureMatrix patients, int slides, Map<String, Map<String, Double>> byPatient) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < patients.rows(); i++) {
            if (byPatient.containsKey(patients.slideId(i))) {
                keep.add(i);
            }
        }
        if (keep.size() < 3) {
            throw new IllegalArgumentException("only " + keep.size() + " patients have both features and targets: check that the "
                    + "targets query returns patient ids matching the slides' (e.g. TCGA-XX-XXXX)");
        }
        TreeSet<String> genes = new TreeSet<>(byPatient.get(patients.slideId(keep.get(0))).keySet());
        TreeSet<String> all = new TreeSet<>();
        for (int i : keep) {
            Map<String, Double> m = byPatient.get(patients.slideId(i));
            all.addAll(m.keySet());
            genes.retainAll(m.keySet());
        }
        if (genes.isEmpty()) {
            throw new IllegalArgumentException("no gene is measured for all " + keep.size() + " patients");
        }
        List<String> geneList = List.copyOf(genes);
        double[][] values = new double[keep.size()][geneList.size()];
        for (int k = 0; k < keep.size(); k++) {
            Map<String, Double> m = byPatient.get(patients.slideId(keep.get(k)));
            for (int g = 0; g < geneList.size(); g++) {
                values[k][g] = m.get(geneList.get(g));
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        return new PatientData(patients.select(rows), new Targets(geneList, values), slides, patients.rows() - keep.size(),
                all.size() - geneList.size());
    }
}
