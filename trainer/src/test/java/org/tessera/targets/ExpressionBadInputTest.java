package org.tessera.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.FeatureStore;
import org.tessera.targets.ExpressionOptions.DuplicatePolicy;
import org.tessera.targets.ExpressionOptions.MissingPolicy;
import org.tessera.testkit.Shared;

/**
 * Broken matrices, written here from the first rows of the real PAM50 file with one defect each: the
 * import stops with a message naming the file and the defect, or applies the chosen policy and says so,
 * and a failed import leaves the store as it was.
 */
class ExpressionBadInputTest {
    @TempDir
    Path tmp;
    FeatureStore store;
    List<String> lines;

    @BeforeEach
    void open() throws Exception {
        store = FeatureStore.open(tmp.resolve("store"));
        lines = new ArrayList<>(Files.readAllLines(Shared.path("tcga-brca/pam50_expression.csv")).subList(0, 6));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The six lines (header + 5 patients) with line {@code index} replaced (1-based file lines). */
    private Path file(String name, int line, String replacement) throws Exception {
        List<String> copy = new ArrayList<>(lines);
        if (line > 0) {
            copy.set(line - 1, replacement);
        }
        Path p = tmp.resolve(name);
        Files.write(p, copy);
        return p;
    }

    /** Line {@code line} with cell {@code column} (0-based, 0 = the id) set to {@code text}. */
    private String cell(int line, int column, String text) {
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[column] = text;
        return String.join(",", cells);
    }

    private ImportException fails(Path file, ExpressionOptions options) {
        ImportException e = assertThrows(ImportException.class, () -> ExpressionImporter.importFile(store, file, options));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString() + ": "), e.getMessage());
        return e;
    }

    private long count(String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aDuplicatedSampleIdIsNamedAndNothingIsStored() throws Exception {
        Path f = file("dup.csv", 4, lines.get(1));
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertTrue(e.getMessage().contains("1 duplicated sample id (TCGA-3C-AAAU x2)"), e.getMessage());
        assertTrue(e.getMessage().contains("--on-duplicate"), e.getMessage());
        assertEquals(0, count("SELECT count(*) FROM expression_imports"));
        assertEquals(0, count("SELECT count(*) FROM expression"));
    }

    @Test
    void aDuplicatedGeneIdIsNamed() throws Exception {
        Path f = file("dupgene.csv", 1, lines.get(0).replace(",PGR,", ",ESR1,"));
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertTrue(e.getMessage().contains("1 duplicated gene id (ESR1 x2)"), e.getMessage());
    }

    /** Line 4 (TCGA-3C-AALJ) renamed TCGA-3C-AAAU: mean averages the two rows, first keeps line 2's. */
    @Test
    void duplicatesAreAveragedOrTheFirstKeptWhenAsked() throws Exception {
        String[] aaau = lines.get(1).split(",");
        String[] aalj = lines.get(3).split(",");
        Path f = file("dup.csv", 4, lines.get(3).replace("TCGA-3C-AALJ", "TCGA-3C-AAAU"));
        ExpressionImport mean = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withOnDuplicate(DuplicatePolicy.MEAN));
        assertEquals(4, mean.samples());
        Exclusion merged = mean.exclusions().get(0);
        assertEquals("duplicated sample ids", merged.reason());
        assertEquals("averaged", merged.action());
        assertEquals(List.of("TCGA-3C-AAAU"), merged.ids());
        // column 2 is UBE2T: (318.4648 + 757.0263) / 2
        assertEquals((Double.parseDouble(aaau[1]) + Double.parseDouble(aalj[1])) / 2, ube2t(mean.importId()), 1e-12);
        ExpressionImport first = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withOnDuplicate(DuplicatePolicy.FIRST));
        assertEquals("first kept", first.exclusions().get(0).action());
        assertEquals(Double.parseDouble(aaau[1]), ube2t(first.importId()), 0);
    }

    private double ube2t(int importId) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery("SELECT value FROM expression WHERE import_id = "
                + importId + " AND sample = 'TCGA-3C-AAAU' AND gene = 'UBE2T'")) {
            r.next();
            return r.getDouble(1);
        }
    }

    @Test
    void aNonNumericCellIsNamedByLineColumnIdsAndText() throws Exception {
        Path f = file("text.csv", 3, cell(3, 10, "high"));
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertEquals(f.toAbsolutePath() + ": line 3 column 11 (sample TCGA-3C-AALI, gene ESR1): 'high' is not a number", e.getMessage());
    }

    @Test
    void aRowWithTooFewCellsIsNamedByItsLine() throws Exception {
        Path f = file("short.csv", 4, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertTrue(e.getMessage().contains("Line: 4") && e.getMessage().contains("Expected Number of Columns: 51 Found: 50"), e.getMessage());
    }

    @Test
    void anInfiniteValueIsNotANumber() throws Exception {
        Path f = file("inf.csv", 2, cell(2, 1, "Inf"));
        assertTrue(fails(f, ExpressionOptions.defaults()).getMessage().contains("'Inf' is not a number"));
    }

    @Test
    void missingValuesAreAnErrorByDefaultNamingTheFirstAndTheCount() throws Exception {
        List<String> copy = new ArrayList<>(lines);
        copy.set(2, cell(3, 5, "NA"));
        copy.set(4, String.join(",", java.util.Arrays.copyOf(cell(5, 2, "").split(",", -1), 51)));
        Path f = tmp.resolve("na.csv");
        Files.write(f, copy);
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertTrue(e.getMessage().contains("missing values (empty, NA or NaN): 2 cells; the first, line 3 column 6 (sample TCGA-3C-AALI, gene MIA): 'NA'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--missing drop-gene|drop-sample"), e.getMessage());

        ExpressionImport genes = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withMissing(MissingPolicy.DROP_GENE));
        assertEquals(48, genes.genes());
        assertEquals(5, genes.samples());
        assertEquals("genes with missing values (2 missing cells)", genes.exclusions().get(0).reason());
        assertEquals(List.of("PTTG1", "MIA"), genes.exclusions().get(0).ids());

        ExpressionImport samples = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withMissing(MissingPolicy.DROP_SAMPLE));
        assertEquals(50, samples.genes());
        assertEquals(3, samples.samples());
        assertEquals(List.of("TCGA-3C-AALI", "TCGA-3C-AALK"), samples.exclusions().get(0).ids());
    }

    @Test
    void nanCountsAsMissing() throws Exception {
        Path f = file("nan.csv", 6, cell(6, 50, "NaN"));
        ExpressionImport r = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withMissing(MissingPolicy.DROP_GENE));
        assertEquals(List.of("NDC80"), r.exclusions().get(0).ids());
    }

    @Test
    void aNegativeValueUnderLog2IsNamed() throws Exception {
        Path f = file("neg.csv", 5, cell(5, 3, "-0.5"));
        ImportException e = fails(f, ExpressionOptions.defaults().withLog2(true));
        assertTrue(e.getMessage().contains("log2(1+x) needs values >= 0 but sample TCGA-3C-AALK, gene PGR is -0.5 (1 negative values)"),
                e.getMessage());
        assertEquals(5, ExpressionImporter.importFile(store, f, ExpressionOptions.defaults()).samples(), "without the log it is a value");
    }

    @Test
    void idsOfNoKnownShapeNeedTheOrientationGiven() throws Exception {
        List<String> copy = new ArrayList<>(lines);
        for (int i = 1; i < copy.size(); i++) {
            copy.set(i, copy.get(i).replace("TCGA-3C-", "P"));
        }
        copy.set(0, copy.get(0).replace("PATIENT_ID", "id"));
        Path f = tmp.resolve("plain.csv");
        Files.write(f, copy);
        ImportException e = fails(f, ExpressionOptions.defaults());
        assertTrue(e.getMessage().contains("cannot tell whether rows are genes or samples") && e.getMessage().contains("--orientation"),
                e.getMessage());
        ExpressionImport given = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withOrientation(Orientation.SAMPLES_BY_GENES));
        assertEquals("given", given.orientation().reason());
        assertEquals(1, count("SELECT count(*) FROM expression WHERE sample = 'PAAAU' AND patient_id = 'PAAAU' AND gene = 'ESR1'"));
    }

    @Test
    void aPatientMapNamesThePatientsOfOtherIds() throws Exception {
        List<String> copy = new ArrayList<>(lines);
        for (int i = 1; i < copy.size(); i++) {
            copy.set(i, copy.get(i).replace("TCGA-3C-", "S"));
        }
        Path f = tmp.resolve("samples.csv");
        Files.write(f, copy);
        Path map = tmp.resolve("map.tsv");
        Files.writeString(map, "sample\tpatient\nSAAAU\tP1\nSAALI\tP1\nSAALJ\tP2\n");
        ExpressionImport r = ExpressionImporter.importFile(store, f, ExpressionOptions.defaults().withPatientMap(map));
        assertTrue(r.orientation().reason().contains("4 of 5 first-column values"), r.orientation().reason());
        assertEquals(4, r.patients());
        Exclusion shared = r.exclusions().stream().filter(x -> x.reason().startsWith("patients with more")).findFirst().orElseThrow();
        assertEquals(List.of("P1"), shared.ids());
        assertEquals(50, count("SELECT count(*) FROM expression WHERE sample = 'SAALK' AND patient_id = 'SAALK'"),
                "unmapped ids are their own patient");
        assertEquals(50, count("SELECT count(*) FROM expression WHERE sample = 'TCGA-4H-AAAK' AND patient_id = 'TCGA-4H-AAAK'"));
    }
}
