package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/** {@code tessera import expression|clinical} on the real TCGA-BRCA files: summaries, exit codes, errors. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    private String store() {
        return tmp.resolve("store").toString();
    }

    @Test
    void expressionImportPrintsItsSummaryAndAReRunReplacesIt() {
        String pam50 = Shared.path("tcga-brca/pam50_expression.csv").toString();
        Cli first = Cli.run("import", "expression", pam50, "--store", store(), "--log2", "--top", "20", "--standardise");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("expression import 1 added: " + pam50), first.out());
        assertTrue(first.out().contains("samples x genes (1093 of 1093 first-column values are sample ids"), first.out());
        assertTrue(first.out().contains("1093 samples (1093 patients) x 20 genes = 21860 values; transform: log2(1+x), zscore(population sd)"),
                first.out());
        assertTrue(first.out().contains("1093 samples without a slide in the store (kept): TCGA-3C-AAAU, TCGA-3C-AALI"), first.out());
        assertTrue(first.out().contains("30 genes outside the top 20 by variance (dropped)"), first.out());
        Cli again = Cli.run("import", "expression", pam50, "--store", store(), "--log2", "--top", "20", "--standardise");
        assertTrue(again.out().contains("expression import 1 replaced"), again.toString());
        Cli rows = Cli.run("sql", "--store", store(), "--format", "csv", "SELECT count(*) AS n FROM expression");
        assertEquals("n\n21860\n", rows.out(), rows.toString());
    }

    @Test
    void clinicalImportPrintsPatientsAndColumnTypes() {
        Cli r = Cli.run("import", "clinical", Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv").toString(), "--store", store());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("clinical import 1: "), r.out());
        assertTrue(r.out().contains("1084 patients (ids from 'Patient ID'), 63 columns {BIGINT="), r.out());
        Cli subtypes = Cli.run("sql", "--store", store(), "--format", "csv", "SELECT count(*) AS n FROM clinical WHERE subtype = 'BRCA_LumA'");
        assertEquals("n\n499\n", subtypes.out(), subtypes.toString());
    }

    @Test
    void aBadFileExitsOneWithTheFileAndTheProblem() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "PATIENT_ID,ESR1,PGR\nTCGA-3C-AAAU,1.5,2\nTCGA-3C-AALI,x,3\n");
        Cli r = Cli.run("import", "expression", bad.toString(), "--store", store());
        assertEquals(1, r.code(), r.toString());
        assertEquals("tessera: error: " + bad.toAbsolutePath() + ": line 3 column 2 (sample TCGA-3C-AALI, gene ESR1): 'x' is not a number\n",
                r.err());
    }

    @Test
    void anUnknownPolicyIsAUsageError() {
        Cli r = Cli.run("import", "expression", "x.csv", "--store", store(), "--missing", "ignore");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--missing ignore"), r.err());
    }
}
