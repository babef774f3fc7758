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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/**
 * The cBioPortal PanCancer Atlas clinical export of TCGA-BRCA. Expected counts from pandas 1.5:
 * {@code c = pd.read_csv(f, sep='\t'); len(c); c['Subtype'].value_counts();
 * len(set(e.PATIENT_ID) & set(c['Patient ID']))} with e the PAM50 expression CSV.
 */
class ClinicalImporterTest {
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

    static Path clinical() {
        return Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void oneRowPerPatientWithSnakeCaseColumnsAndTypedSurvival() throws Exception {
        ClinicalImport r = ClinicalImporter.importFile(store, clinical());
        assertEquals(1084, r.patients());
        assertEquals("Patient ID", r.patientColumn());
        assertEquals(1084, count("SELECT count(DISTINCT patient_id) FROM clinical"));
        assertEquals(63, r.columns().size());
        assertEquals("DOUBLE", r.column("overall_survival_months").type());
        assertEquals("Overall Survival (Months)", r.column("overall_survival_months").header());
        assertEquals("BIGINT", r.column("diagnosis_age").type());
        assertEquals("VARCHAR", r.column("form_completion_date").type(), "dates stay as written");
        assertEquals("DOUBLE", r.column("tmb_nonsynonymous").type());
        assertEquals(151, count("SELECT count(*) FROM clinical WHERE overall_survival_status = '1:DECEASED'"));
        assertEquals(1084, count("SELECT count(overall_survival_months) FROM clinical"));
    }

    @Test
    void subtypeCountsAreThoseOfTheFile() throws Exception {
        ClinicalImporter.importFile(store, clinical());
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT subtype, count(*) FROM clinical GROUP BY subtype ORDER BY count(*) DESC")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("BRCA_LumA", 499L);
        expected.put("BRCA_LumB", 197L);
        expected.put("BRCA_Basal", 171L);
        expected.put(null, 103L);
        expected.put("BRCA_Her2", 78L);
        expected.put("BRCA_Normal", 36L);
        assertEquals(expected, counts);
    }

    @Test
    void expressionJoinsClinicalOn1079Patients() throws Exception {
        ClinicalImporter.importFile(store, clinical());
        ExpressionImporter.importFile(store, ExpressionImporterTest.pam50(), ExpressionOptions.defaults().withLog2(true));
        assertEquals(1079, count("SELECT count(DISTINCT e.patient_id) FROM expression e JOIN clinical c USING (patient_id)"));
    }

    @Test
    void aSecondImportReplacesTheTableAndIsLogged() throws Exception {
        ClinicalImporter.importFile(store, clinical());
        List<String> lines = Files.readAllLines(clinical());
        Path small = tmp.resolve("first10.tsv");
        Files.write(small, lines.subList(0, 11));
        ClinicalImport second = ClinicalImporter.importFile(store, small);
        assertEquals(10, count("SELECT count(*) FROM clinical"));
        assertEquals(2, count("SELECT count(*) FROM clinical_imports"));
        assertEquals(second.importId(), count("SELECT max(import_id) FROM clinical_imports"));
        assertEquals(10, count("SELECT n_patients FROM clinical_imports WHERE import_id = " + second.importId()));
    }

    /** cBioPortal's data_clinical_patient.txt layout: four '#' metadata lines, then PATIENT_ID and SNAKE_CASE headers. */
    @Test
    void commentLinesAreSkippedAndSampleBarcodesAreCutToPatients() throws Exception {
        List<String> lines = Files.readAllLines(clinical());
        List<String> out = new ArrayList<>(List.of("#Patient Identifier\tSubtype\tOverall Survival (Months)", "#Identifier\tSubtype\tMonths",
                "#STRING\tSTRING\tNUMBER", "#1\t1\t1", "SAMPLE_ID\tSUBTYPE\tOS_MONTHS"));
        for (String line : lines.subList(1, 6)) {
            String[] c = line.split("\t", -1);
            out.add(c[2] + "\t" + c[52] + "\t" + c[34]);
        }
        Path f = tmp.resolve("data_clinical_patient.txt");
        Files.write(f, out);
        ClinicalImport r = ClinicalImporter.importFile(store, f);
        assertEquals("SAMPLE_ID", r.patientColumn());
        assertEquals(5, r.patients());
        assertEquals("DOUBLE", r.column("os_months").type());
        assertEquals(1, count("SELECT count(*) FROM clinical WHERE patient_id = 'TCGA-3C-AAAU' AND sample_id = 'TCGA-3C-AAAU-01' "
                + "AND subtype = 'BRCA_LumA' AND os_months = 133.0505967"));
    }

    @Test
    void twoRowsForOnePatientAreNamedWithTheirLines() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(clinical()).subList(0, 5));
        lines.add(lines.get(2));
        Path f = tmp.resolve("dup.tsv");
        Files.write(f, lines);
        ImportException e = assertThrows(ImportException.class, () -> ClinicalImporter.importFile(store, f));
        assertEquals(f.toAbsolutePath() + ": clinical data needs one row per patient, but 1 patient has several: TCGA-3C-AALI (line 3, line 6)",
                e.getMessage());
        assertEquals(0, count("SELECT count(*) FROM clinical_imports"));
    }

    @Test
    void aFileWithoutPatientIdsIsRefused() throws Exception {
        Path f = tmp.resolve("nopatient.csv");
        Files.writeString(f, "age,stage\n55,II\n60,III\n");
        ImportException e = assertThrows(ImportException.class, () -> ClinicalImporter.importFile(store, f));
        assertTrue(e.getMessage().startsWith(f.toAbsolutePath() + ": no patient column"), e.getMessage());
    }
}
