package org.tessera.targets;

import static org.tessera.targets.Tables.CELLS;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tessera.store.FeatureStore;
import org.tessera.store.Json;

/**
 * Imports a bulk expression matrix into the store's {@code expression} table (long form, one row per
 * sample x gene) and records it in {@code expression_imports}. Steps, in this order: read and check the
 * cells ({@link ExpressionCells}), map samples to patients and flag those without slides, log2(1+x), gene
 * filters, median re-centring, standardisation ({@link ExpressionSteps}); then one transaction replaces
 * any earlier import of the same file (same sha256) with the same options, keeping its import id, so an
 * import can be re-run safely.
 */
public final class ExpressionImporter {
    private ExpressionImporter() {
    }

    /** Imports {@code file} into {@code store} (opened for writing). */
    public static ExpressionImport importFile(FeatureStore store, Path file, ExpressionOptions options) throws IOException, SQLException {
        long start = System.nanoTime();
        Connection c = store.connection();
        try {
            TableFile table = TableFile.open(file, c);
            PatientIds ids = PatientIds.load(options.patientMap());
            Set<String> known = new HashSet<>(Tables.strings(c, "SELECT patient_id FROM patients"));
            ExpressionCells.Loaded loaded = ExpressionCells.load(c, table, options, s -> ids.mapped(s) || known.contains(s));
            Path path = table.path();
            List<Exclusion> exclusions = new ArrayList<>(loaded.exclusions());
            exclusions.addAll(ExpressionSteps.patients(c, path, ids, options.keepSamplesWithoutSlides()));
            if (options.log2()) {
                ExpressionSteps.log2(c, path);
            }
            exclusions.addAll(ExpressionSteps.filter(c, path, options.filter()));
            if (options.recentreTo().isPresent()) {
                exclusions.addAll(ExpressionSteps.recentre(c, path, options.recentreTo().getAsInt()));
            }
            if (options.standardise()) {
                exclusions.addAll(ExpressionSteps.standardise(c, path));
            }
            String sha = table.sha256();
            String optionsJson = Json.write(identity(options, loaded.orientation().orientation()));
            int samples = (int) Tables.count(c, "SELECT count(DISTINCT sample) FROM " + CELLS);
            int patients = (int) Tables.count(c, "SELECT count(DISTINCT patient_id) FROM " + CELLS);
            int genes = (int) Tables.count(c, "SELECT count(DISTINCT gene) FROM " + CELLS);
            Optional<Integer> previous = previous(c, sha, optionsJson);
            int[] importId = new int[1];
            store.inTransaction(tx -> {
                if (previous.isPresent()) {
                    importId[0] = previous.get();
                    delete(tx, importId[0]);
                } else {
                    importId[0] = (int) Tables.count(tx, "SELECT nextval('expression_import_ids')");
                }
                record(tx, importId[0], path, sha, loaded.orientation(), options, optionsJson, samples, genes, exclusions);
                Tables.execute(tx, "INSERT INTO expression (sample, patient_id, gene, value, import_id) SELECT sample, patient_id, gene, value, "
                        + importId[0] + " FROM " + CELLS + " ORDER BY sample_pos, gene_pos");
            });
            return new ExpressionImport(importId[0], previous.isPresent(), path.toString(), sha, loaded.orientation(),
                    options.transformLabel(), samples, patients, genes, exclusions, (System.nanoTime() - start) / 1e9);
        } finally {
            Tables.dropAll(c);
        }
    }

    /** The options that make an import what it is (with the file's sha256): the patient map by content, not path. */
    private static Map<String, Object> identity(ExpressionOptions o, Orientation orientation) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orientation", orientation.label());
        m.put("log2", o.log2());
        m.put("filters", filters(o.filter()));
        m.put("recentre_to", o.recentreTo().isPresent() ? o.recentreTo().getAsInt() : null);
        m.put("standardise", o.standardise() ? "zscore(population sd)" : null);
        m.put("on_duplicate", o.onDuplicate().name().toLowerCase(java.util.Locale.ROOT));
        m.put("missing", o.missing().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("keep_samples_without_slides", o.keepSamplesWithoutSlides());
        m.put("patient_map_sha256", o.patientMap().isPresent() ? TableFile.sha256(o.patientMap().get()) : null);
        return m;
    }

    private static Map<String, Object> filters(GeneFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_variance", f.minVariance().isPresent() ? f.minVariance().getAsDouble() : null);
        m.put("top", f.top().isPresent() ? f.top().getAsInt() : null);
        m.put("by", f.top().isPresent() ? f.by().label() : null);
        return m;
    }

    private static Optional<Integer> previous(Connection c, String sha, String options) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT import_id FROM expression_imports WHERE file_sha256 = ? AND options::VARCHAR = ?")) {
            p.setString(1, sha);
            p.setString(2, options);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection c, int importId) throws SQLException {
        Tables.execute(c, "DELETE FROM expression WHERE import_id = " + importId);
        Tables.execute(c, "DELETE FROM expression_imports WHERE import_id = " + importId);
    }

    private static void record(Connection c, int importId, Path path, String sha, OrientationGuess orientation, ExpressionOptions options,
            String optionsJson, int samples, int genes, List<Exclusion> exclusions) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO expression_imports (import_id, source, file_sha256, orientation, transform, "
                + "filters, options, n_samples, n_genes, exclusions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setInt(1, importId);
            p.setString(2, path.toString());
            p.setString(3, sha);
            p.setString(4, orientation.orientation().label());
            p.setString(5, options.transformLabel());
            p.setString(6, Json.write(filters(options.filter())));
            p.setString(7, optionsJson);
            p.setInt(8, samples);
            p.setInt(9, genes);
            p.setString(10, Json.write(exclusions.stream().map(ExpressionImporter::exclusion).toList()));
            p.executeUpdate();
        }
    }

    private static Map<String, Object> exclusion(Exclusion e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", e.reason());
        m.put("action", e.action());
        m.put("count", e.count());
        m.put("ids", e.ids());
        return m;
    }

}
