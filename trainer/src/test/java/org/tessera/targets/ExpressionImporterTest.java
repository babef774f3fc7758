package org.tessera.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.extract.SlideImporter;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/**
 * Expression imports of the real TCGA-BRCA PAM50 matrix (1,093 patients x 50 genes, RSEM scale).
 * Expected values come from numpy 1.24 on the same file, computed once with:
 * <pre>
 * rows = list(csv.reader(open('pam50_expression.csv'))); genes = rows[0][1:]; ids = [r[0] for r in rows[1:]]
 * X = np.array([[float(v) for v in r[1:]] for r in rows[1:]]); L = np.log2(1 + X)
 * Z = (L - L.mean(0)) / L.std(0)                      # population sd (ddof=0)
 * v = L.var(0); top10 = sorted(genes[i] for i in np.argsort(-v, kind='stable')[:10])
 * </pre>
 */
class ExpressionImporterTest {
    @TempDir
    Path tmp;
    FeatureStore store;

    @BeforeEach
    void open() throws Exception {
        store = FeatureStore.open(tmp.resolve("store"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Path pam50() {
        return Shared.path("tcga-brca/pam50_expression.csv");
    }

    private double value(int importId, String sample, String gene) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery("SELECT value FROM expression WHERE import_id = "
                + importId + " AND sample = '" + sample + "' AND gene = '" + gene + "'")) {
            assertTrue(r.next(), sample + " " + gene + " missing");
            return r.getDouble(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void pam50IsDetectedAsSamplesByGenesFromItsTcgaBarcodes() throws Exception {
        ExpressionImport result = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults());
        assertEquals(Orientation.SAMPLES_BY_GENES, result.orientation().orientation());
        assertTrue(result.orientation().reason().contains("1093 of 1093 first-column values"), result.orientation().reason());
        assertEquals(1093, result.samples());
        assertEquals(50, result.genes());
        assertEquals(1093L * 50, count("SELECT count(*) FROM expression"));
        assertEquals(0, count("SELECT count(*) FROM expression WHERE patient_id <> sample"));
        assertEquals(3457.962, value(result.importId(), "TCGA-3C-AAAU", "ESR1"), 0);
    }

    @Test
    void log2OnePlusXMatchesNumpy() throws Exception {
        ExpressionImport r = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true));
        assertEquals("log2(1+x)", r.transform());
        // np.log2(1 + X) at (TCGA-3C-AAAU, ESR1), (TCGA-3C-AALI, ERBB2), (TCGA-3C-AAAU, KRT14 = 0), (TCGA-Z7-A8R6, NDC80)
        assertEquals(11.756123449077556, value(r.importId(), "TCGA-3C-AAAU", "ESR1"), 1e-12);
        assertEquals(17.570343414972584, value(r.importId(), "TCGA-3C-AALI", "ERBB2"), 1e-12);
        assertEquals(0.0, value(r.importId(), "TCGA-3C-AAAU", "KRT14"), 0);
        assertEquals(8.943523159495427, value(r.importId(), "TCGA-Z7-A8R6", "NDC80"), 1e-12);
    }

    @Test
    void standardisationIsPerGeneWithThePopulationSdAsNumpy() throws Exception {
        ExpressionImport r = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true).withStandardise(true));
        assertEquals("log2(1+x), zscore(population sd)", r.transform());
        // Z = (L - L.mean(0)) / L.std(0)
        assertEquals(0.025655026996742058, value(r.importId(), "TCGA-3C-AAAU", "ESR1"), 1e-10);
        assertEquals(3.0800615208621207, value(r.importId(), "TCGA-3C-AALI", "ERBB2"), 1e-10);
        assertEquals(0.835843928815125, value(r.importId(), "TCGA-Z7-A8R6", "NDC80"), 1e-10);
        assertEquals(0, count("SELECT count(*) FROM (SELECT gene, avg(value) m, stddev_pop(value) s FROM expression GROUP BY gene) "
                + "WHERE abs(m) > 1e-12 OR abs(s - 1) > 1e-12"));
    }

    @Test
    void topTenByVarianceAreNumpysChoiceAndTheRestAreListedAsDropped() throws Exception {
        GeneFilter top10 = new GeneFilter(OptionalDouble.empty(), OptionalInt.of(10), GeneFilter.Statistic.VARIANCE);
        ExpressionImport r = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true).withFilter(top10));
        List<String> genes = strings("SELECT DISTINCT gene FROM expression ORDER BY gene");
        // sorted(genes[i] for i in np.argsort(-L.var(0), kind='stable')[:10]); 10th 6.2654, 11th 5.6441: no tie
        assertEquals(List.of("ESR1", "FOXA1", "KRT14", "KRT17", "KRT5", "MAPT", "MIA", "NAT1", "PGR", "SFRP1"), genes);
        Exclusion dropped = r.exclusions().stream().filter(e -> e.reason().contains("top 10")).findFirst().orElseThrow();
        assertEquals(40, dropped.count());
        assertEquals("dropped", dropped.action());
    }

    @Test
    void varianceThresholdKeepsNumpysGenes() throws Exception {
        GeneFilter above4 = new GeneFilter(OptionalDouble.of(4), OptionalInt.empty(), GeneFilter.Statistic.VARIANCE);
        ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true).withFilter(above4));
        // sorted(genes[i] for i in np.where(L.var(0) > 4)[0])
        assertEquals(List.of("CDH3", "EGFR", "ESR1", "FGFR4", "FOXA1", "KRT14", "KRT17", "KRT5", "MAPT", "MIA", "MLPH", "NAT1", "PGR",
                "SFRP1", "TMEM45B"), strings("SELECT DISTINCT gene FROM expression ORDER BY gene"));
    }

    @Test
    void topFiveByMeanAreNumpysChoice() throws Exception {
        GeneFilter top5 = new GeneFilter(OptionalDouble.empty(), OptionalInt.of(5), GeneFilter.Statistic.MEAN);
        ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true).withFilter(top5));
        // sorted(genes[i] for i in np.argsort(-L.mean(0), kind='stable')[:5])
        assertEquals(List.of("ERBB2", "ESR1", "MLPH", "MMP11", "SLC39A6"), strings("SELECT DISTINCT gene FROM expression ORDER BY gene"));
    }

    @Test
    void reImportingTheSameFileAndOptionsReplacesItUnderTheSameId() throws Exception {
        ExpressionOptions log = ExpressionOptions.defaults().withLog2(true);
        ExpressionImport first = ExpressionImporter.importFile(store, pam50(), log);
        ExpressionImport again = ExpressionImporter.importFile(store, pam50(), log);
        assertFalse(first.replaced());
        assertTrue(again.replaced());
        assertEquals(first.importId(), again.importId());
        assertEquals(1, count("SELECT count(*) FROM expression_imports"));
        assertEquals(1093L * 50, count("SELECT count(*) FROM expression"));
        ExpressionImport raw = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults());
        assertEquals(first.importId() + 1, raw.importId(), "other options are another import");
        assertEquals(2 * 1093L * 50, count("SELECT count(*) FROM expression"));
    }

    @Test
    void theImportRecordsSourceShaOptionsAndTheSamplesWithoutSlides() throws Exception {
        ExpressionImport r = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true));
        Exclusion noSlides = r.exclusions().get(0);
        assertEquals("samples without a slide in the store", noSlides.reason());
        assertEquals("kept", noSlides.action());
        assertEquals(1093, noSlides.count());
        try (Statement s = store.connection().createStatement(); ResultSet q = s.executeQuery("SELECT source, file_sha256, orientation, transform, "
                + "n_samples, n_genes, options->>'log2', exclusions->0->>'count' FROM expression_imports")) {
            q.next();
            assertEquals(pam50().toAbsolutePath().normalize().toString(), q.getString(1));
            assertEquals(r.fileSha256(), q.getString(2));
            assertEquals(64, q.getString(2).length());
            assertEquals("samples x genes", q.getString(3));
            assertEquals("log2(1+x)", q.getString(4));
            assertEquals(1093, q.getInt(5));
            assertEquals(50, q.getInt(6));
            assertEquals("true", q.getString(7));
            assertEquals("1093", q.getString(8));
        }
    }

    /** A real slide (CMU-1-Small-Region) registered for one real patient: the other 1,092 have no slide. */
    @Test
    void samplesWithoutSlidesAreDroppedWhenAsked() throws Exception {
        SlideImporter.add(store, List.of(new SlideImporter.Entry(Shared.path("slides/CMU-1-Small-Region.svs"), OptionalDouble.empty(),
                Optional.of("TCGA-3C-AALI"), Optional.of("TEST"))));
        ExpressionImport r = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withKeepSamplesWithoutSlides(false));
        assertEquals(1, r.samples());
        assertEquals(List.of("TCGA-3C-AALI"), strings("SELECT DISTINCT patient_id FROM expression"));
        Exclusion dropped = r.exclusions().get(0);
        assertEquals(1092, dropped.count());
        assertEquals("dropped", dropped.action());
        assertTrue(dropped.ids().contains("TCGA-3C-AAAU"));
    }

    /**
     * The same values laid out genes x samples under full aliquot barcodes: detected from the header,
     * mapped to patients, and equal to the samples x genes import cell for cell.
     */
    @Test
    void genesBySamplesWithAliquotBarcodesMapsToPatients() throws Exception {
        List<String> lines = Files.readAllLines(pam50());
        int n = 40;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            rows.add(List.of(lines.get(i).split(",")));
        }
        StringBuilder t = new StringBuilder("Hugo_Symbol");
        for (int i = 1; i <= n; i++) {
            t.append('\t').append(rows.get(i).get(0)).append("-01A-11R-A41B-07");
        }
        for (int g = 1; g < rows.get(0).size(); g++) {
            t.append('\n').append(rows.get(0).get(g));
            for (int i = 1; i <= n; i++) {
                t.append('\t').append(rows.get(i).get(g));
            }
        }
        Path wide = tmp.resolve("genes_by_samples.txt");
        Files.writeString(wide, t.append('\n'));
        ExpressionImport r = ExpressionImporter.importFile(store, wide, ExpressionOptions.defaults().withLog2(true));
        assertEquals(Orientation.GENES_BY_SAMPLES, r.orientation().orientation());
        assertEquals(n, r.samples());
        assertEquals(50, r.genes());
        ExpressionImport reference = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true));
        assertEquals(n * 50L, count("SELECT count(*) FROM expression a JOIN expression b USING (patient_id, gene) WHERE a.import_id = "
                + r.importId() + " AND b.import_id = " + reference.importId() + " AND a.value = b.value AND a.sample = a.patient_id || '-01A-11R-A41B-07'"));
    }

    /**
     * EMO's re-centring of a sub-cohort (the first 101 patients, plus a gene the reference lacks) onto the
     * whole cohort's medians. numpy: {@code S = L[:101]; R = S - np.median(S, 0) + np.median(L, 0)}.
     */
    @Test
    void recentringMovesEachGenesMedianToTheReferenceImports() throws Exception {
        ExpressionImport all = ExpressionImporter.importFile(store, pam50(), ExpressionOptions.defaults().withLog2(true));
        List<String> lines = Files.readAllLines(pam50());
        StringBuilder sub = new StringBuilder(lines.get(0)).append(",EXTRA\n");
        for (int i = 1; i <= 101; i++) {
            sub.append(lines.get(i)).append(',').append(i).append('\n');
        }
        Path file = tmp.resolve("first101.csv");
        Files.writeString(file, sub);
        ExpressionImport r = ExpressionImporter.importFile(store, file, ExpressionOptions.defaults().withLog2(true).withRecentreTo(all.importId()));
        assertEquals("log2(1+x), recentre(median to import " + all.importId() + ")", r.transform());
        assertEquals(11.902953290746371, value(r.importId(), "TCGA-3C-AAAU", "ESR1"), 1e-10);
        assertEquals(11.533803879193208, value(r.importId(), "TCGA-A2-A25A", "ERBB2"), 1e-10);
        assertEquals(50, r.genes());
        Exclusion absent = r.exclusions().stream().filter(e -> e.reason().startsWith("genes absent")).findFirst().orElseThrow();
        assertEquals(List.of("EXTRA"), absent.ids());
    }

    /** The same matrix as Parquet (written by DuckDB from the CSV): same orientation, same values. */
    @Test
    void parquetIsReadLikeTheCsv() throws Exception {
        Path parquet = tmp.resolve("pam50.parquet");
        try (Statement s = store.connection().createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + pam50() + "')) TO '" + parquet + "' (FORMAT parquet)");
        }
        ExpressionImport r = ExpressionImporter.importFile(store, parquet, ExpressionOptions.defaults().withLog2(true));
        assertEquals(Orientation.SAMPLES_BY_GENES, r.orientation().orientation());
        assertEquals(1093, r.samples());
        assertEquals(17.570343414972584, value(r.importId(), "TCGA-3C-AALI", "ERBB2"), 1e-12);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
