package org.tessera.targets;

import static org.tessera.targets.Tables.CELLS;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The import's steps after reading, each one set-based statement over the cells table: patients and
 * slides, log2(1+x), gene filters, median re-centring, standardisation. Each returns what it left out.
 */
final class ExpressionSteps {
    private ExpressionSteps() {
    }

    /**
     * Adds patient_id to every cell and flags samples whose patient has no slide in the store (dropping
     * them unless kept). Patients with several samples are reported, not merged.
     */
    static List<Exclusion> patients(Connection c, Path file, PatientIds ids, boolean keepWithoutSlides) throws SQLException, ImportException {
        List<String> samples = Tables.strings(c, "SELECT sample FROM " + CELLS + " GROUP BY sample ORDER BY min(sample_pos)");
        Set<String> withSlides = new HashSet<>(Tables.strings(c, "SELECT DISTINCT patient_id FROM slides WHERE patient_id IS NOT NULL"));
        List<String> keptSamples = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String s : samples) {
            String p = ids.patientOf(s);
            if (!withSlides.contains(p)) {
                without.add(s);
                if (!keepWithoutSlides) {
                    continue;
                }
            }
            keptSamples.add(s);
            patients.add(p);
        }
        List<Exclusion> out = new ArrayList<>();
        if (!without.isEmpty()) {
            out.add(Exclusion.of("samples without a slide in the store", keepWithoutSlides ? "kept" : "dropped", without));
        }
        if (keptSamples.isEmpty()) {
            throw new ImportException(file + ": none of the " + samples.size() + " samples has a slide in the store; "
                    + "add the slides first or keep samples without slides");
        }
        Tables.replaceCells(c, "SELECT v.*, p.patient_id FROM " + CELLS + " AS v JOIN (SELECT unnest(" + SqlText.list(keptSamples)
                + ") AS sample, unnest(" + SqlText.list(patients) + ") AS patient_id) AS p USING (sample)");
        List<String> shared = Tables.strings(c, "SELECT patient_id FROM (SELECT DISTINCT patient_id, sample FROM " + CELLS
                + ") GROUP BY patient_id HAVING count(*) > 1 ORDER BY patient_id");
        if (!shared.isEmpty()) {
            out.add(Exclusion.of("patients with more than one sample", "kept", shared));
        }
        return out;
    }

    /** log2(1 + x); every value must be at least 0. */
    static void log2(Connection c, Path file) throws SQLException, ImportException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT sample, gene, value, count(*) OVER () FROM " + CELLS
                + " WHERE value < 0 ORDER BY sample_pos, gene_pos LIMIT 1")) {
            if (r.next()) {
                throw new ImportException(file + ": log2(1+x) needs values >= 0 but sample " + r.getString(1) + ", gene " + r.getString(2)
                        + " is " + r.getDouble(3) + " (" + r.getLong(4) + " negative values); the file may already be on a log scale");
            }
        }
        Tables.replaceCells(c, "SELECT * REPLACE (log2(1 + value) AS value) FROM " + CELLS);
    }

    /** Keeps the genes passing the filter; the statistics are population variance and mean per gene. */
    static List<Exclusion> filter(Connection c, Path file, GeneFilter filter) throws SQLException, ImportException {
        List<Exclusion> out = new ArrayList<>();
        if (filter.isNone()) {
            return out;
        }
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_keep AS SELECT gene, var_pop(value) AS variance, avg(value) AS mean "
                + "FROM " + CELLS + " GROUP BY gene");
        if (filter.minVariance().isPresent()) {
            double t = filter.minVariance().getAsDouble();
            out.add(dropGenes(c, "variance <= " + t, "genes with variance <= " + t));
        }
        if (filter.top().isPresent()) {
            int n = filter.top().getAsInt();
            String by = filter.by().label();
            out.add(dropGenes(c, "gene NOT IN (SELECT gene FROM tessera_import_keep ORDER BY " + by + " DESC, gene LIMIT " + n + ")",
                    "genes outside the top " + n + " by " + by));
        }
        Tables.replaceCells(c, "SELECT * FROM " + CELLS + " WHERE gene IN (SELECT gene FROM tessera_import_keep)");
        if (Tables.count(c, "SELECT count(*) FROM tessera_import_keep") == 0) {
            throw new ImportException(file + ": no gene passes the filter (variance above " + filter.minVariance().getAsDouble() + ")");
        }
        return out.stream().filter(e -> e.count() > 0).toList();
    }

    private static Exclusion dropGenes(Connection c, String condition, String reason) throws SQLException {
        List<String> genes = Tables.strings(c, "SELECT gene FROM tessera_import_keep WHERE " + condition + " ORDER BY gene");
        Tables.execute(c, "DELETE FROM tessera_import_keep WHERE " + condition);
        return Exclusion.of(reason, "dropped", genes);
    }

    /**
     * EMO's cross-cohort re-centring: value - median(gene in this import) + median(gene in the reference
     * import). Medians average the two middle values of an even count (numpy's median). Genes the
     * reference lacks are dropped.
     */
    static List<Exclusion> recentre(Connection c, Path file, int reference) throws SQLException, ImportException {
        if (Tables.count(c, "SELECT count(*) FROM expression_imports WHERE import_id = " + reference) == 0) {
            throw new ImportException(file + ": --recentre-to " + reference + ": the store has no expression import " + reference
                    + " (see SELECT * FROM expression_imports)");
        }
        List<String> absent = Tables.strings(c, "SELECT DISTINCT gene FROM " + CELLS + " WHERE gene NOT IN (SELECT gene FROM expression "
                + "WHERE import_id = " + reference + ") ORDER BY gene");
        Tables.replaceCells(c, "SELECT v.* REPLACE (v.value - here.median + there.median AS value) FROM " + CELLS + " AS v "
                + "JOIN (SELECT gene, median(value) AS median FROM " + CELLS + " GROUP BY gene) AS here USING (gene) "
                + "JOIN (SELECT gene, median(value) AS median FROM expression WHERE import_id = " + reference + " GROUP BY gene) AS there USING (gene)");
        if (Tables.count(c, "SELECT count(*) FROM " + CELLS) == 0) {
            throw new ImportException(file + ": no gene of the file is in expression import " + reference + " to re-centre against");
        }
        return absent.isEmpty() ? List.of() : List.of(Exclusion.of("genes absent from import " + reference, "dropped", absent));
    }

    /** Per-gene z-scores with the population standard deviation (divisor n); constant genes are dropped. */
    static List<Exclusion> standardise(Connection c, Path file) throws SQLException, ImportException {
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_keep AS SELECT gene, avg(value) AS mean, stddev_pop(value) AS sd "
                + "FROM " + CELLS + " GROUP BY gene");
        List<String> constant = Tables.strings(c, "SELECT gene FROM tessera_import_keep WHERE sd = 0 OR sd IS NULL ORDER BY gene");
        Tables.replaceCells(c, "SELECT v.* REPLACE ((v.value - k.mean) / k.sd AS value) FROM " + CELLS + " AS v "
                + "JOIN tessera_import_keep AS k USING (gene) WHERE k.sd > 0");
        if (Tables.count(c, "SELECT count(*) FROM " + CELLS) == 0) {
            throw new ImportException(file + ": every gene is constant across the samples; nothing to standardise");
        }
        return constant.isEmpty() ? List.of() : List.of(Exclusion.of("constant genes (standard deviation 0)", "dropped", constant));
    }
}
