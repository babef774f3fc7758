package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera import st}: HER2ST folders (real), legacy files, a Visium folder, and the errors users meet. */
class ImportStCommandTest {
    @TempDir
    Path tmp;

    private String store() {
        return tmp.resolve("store").toString();
    }

    private String sql(String query) {
        Cli r = Cli.run("sql", "--store", store(), "--format", "csv", query);
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    /** A small legacy section: spot 1x1 has counts A0 B2 C8, spot 1x2 A5 B0 C5 (library 10 each). */
    private Path[] legacyFiles(String name, String countsCell) throws Exception {
        Path counts = tmp.resolve(name + ".tsv");
        Files.writeString(counts, "\tA\tB\tC\n1x1\t0\t2\t8\n1x2\t5\t0\t" + countsCell + "\n");
        Path sel = tmp.resolve(name + "_selection.tsv");
        Files.writeString(sel, "x\ty\tnew_x\tnew_y\tpixel_x\tpixel_y\tselected\n1\t1\t1\t1\t390\t340\t1\n1\t2\t1\t2\t390\t630\t1\n"
                + "2\t2\t2\t2\t680\t630\t0\n");
        return new Path[] {counts, sel};
    }

    @Test
    void aHer2stFolderImportsEverySectionAndReportsTheBadOne() throws Exception {
        Path dir = Her2stFolder.legacy(tmp.resolve("her2st"), "B4", "C2");
        Path[] bad = legacyFiles("X1", "-3");
        Files.copy(bad[0], dir.resolve("counts/X1.tsv"));
        Files.copy(bad[1], dir.resolve("spots/X1_selection.tsv"));

        Cli r = Cli.run("import", "st", "--legacy-dir", dir.toString(), "--store", store(), "--cohort", "her2st");
        assertEquals(1, r.code(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("section") && lines[0].contains("median UMIs"), r.out());
        assertTrue(lines[1].matches("B4 +legacy-st +283 +15289 +0\\.68\\d\\d spot-pitch +648\\.0 +\\d+\\.\\d\\d"), lines[1]);
        assertTrue(lines[2].matches("C2 +legacy-st +187 +15706 +0\\.68\\d\\d spot-pitch +8508\\.0 +\\d+\\.\\d\\d"), lines[2]);
        assertEquals("1 sections failed:\n  X1: " + dir.resolve("counts/X1.tsv") + ": line 3, gene C: count '-3' is not a non-negative integer\n",
                r.err());
        assertEquals("section,patient_id,cohort,n_spots\nB4,B,her2st,283\nC2,C,her2st,187\n",
                sql("SELECT section, s.patient_id, cohort, n_spots FROM st_sections s JOIN slides USING (slide_id) ORDER BY section"));

        Cli again = Cli.run("import", "st", "--legacy-dir", dir.toString(), "--sections", "C2", "--normalisation", "raw", "--store", store());
        assertEquals(0, again.code(), again.toString());
        assertEquals(2, again.out().split("\n").length, again.out());
        assertEquals("section,normalisation,rows,slides\nB4,cp10k-log1p,400805,2\nC2,raw,708716,2\n",
                sql("SELECT section, normalisation, (SELECT count(*) FROM spot_expression e WHERE e.section = s.section) AS rows, "
                        + "(SELECT count(*) FROM slides) AS slides FROM st_sections s ORDER BY section"));
    }

    @Test
    void legacyFilesWithStNetNormalisation() throws Exception {
        Path[] f = legacyFiles("s1", "5");
        Cli r = Cli.run("import", "st", "--counts", f[0].toString(), "--spots", f[1].toString(), "--section", "s1", "--patient", "P",
                "--normalisation", "stnet", "--mpp", "0.5", "--store", store());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().split("\n")[1].matches("s1 +legacy-st +2 +3 +0\\.5000 user +10\\.0 +\\d+\\.\\d\\d"), r.out());
        // ST-Net: log((count + 1) / (L + n)) = log(3 / 13) for B = 2 in spot 1x1; zero: log(1 / 13)
        assertEquals("normalisation,v,z\nstnet-log1p,true,true\n", sql("SELECT normalisation, abs(value - ln(3 / 13)) < 1e-12 AS v, "
                + "abs(zero_value - ln(1 / 13)) < 1e-12 AS z FROM st_sections JOIN spot_expression USING (section) JOIN spots USING (section, spot_id) "
                + "WHERE spot_id = '1x1' AND gene = 'B'"));
        assertEquals("slide_id\n\n", sql("SELECT slide_id FROM st_sections"), "no image, no slide");
    }

    @Test
    void aVisiumFolderTakesItsPixelSizeFromTheScaleFactors() throws Exception {
        Path outs = tmp.resolve("outs");
        Path m = Files.createDirectories(outs.resolve("filtered_feature_bc_matrix"));
        Files.writeString(m.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n3 2 4\n1 1 4\n2 1 6\n2 2 1\n3 2 2\n");
        Files.writeString(m.resolve("features.tsv"), "E1\tERBB2\tGene Expression\nE2\tESR1\tGene Expression\nE3\tERBB2\tGene Expression\n");
        Files.writeString(m.resolve("barcodes.tsv"), "AC-1\nAG-1\n");
        Path spatial = Files.createDirectories(outs.resolve("spatial"));
        Files.writeString(spatial.resolve("tissue_positions_list.csv"), "AC-1,1,10,20,1500,2500\nAG-1,1,11,21,1600,2600\nAT-1,0,0,0,0,0\n");
        Files.writeString(spatial.resolve("scalefactors_json.json"), "{\"spot_diameter_fullres\": 100.0}");
        Cli r = Cli.run("import", "st", "--visium", outs.toString(), "--section", "v1", "--store", store());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().split("\n")[1].matches("v1 +visium +2 +3 +0\\.5500 scalefactors +6\\.5 +\\d+\\.\\d\\d"), r.out());
        assertEquals("spot_id,gene,count,pixel_x,pixel_y\nAG-1,ERBB2-1,2,2600.0,1600.0\nAG-1,ESR1,1,2600.0,1600.0\n",
                sql("SELECT spot_id, gene, count, pixel_x, pixel_y FROM spot_expression JOIN spots USING (section, spot_id) "
                        + "WHERE spot_id = 'AG-1' ORDER BY gene"));
    }

    @Test
    void errorsNameTheFileOrTheOption() throws Exception {
        Cli missing = Cli.run("import", "st", "--visium", tmp.toString(), "--section", "v1", "--store", store());
        assertEquals(1, missing.code(), missing.toString());
        assertEquals("tessera: error: " + tmp + ": has neither filtered_feature_bc_matrix/ nor filtered_feature_bc_matrix.h5;"
                + " expected Space Ranger's filtered counts\n", missing.err());
        Path[] f = legacyFiles("s1", "5");
        Cli noSpots = Cli.run("import", "st", "--counts", f[0].toString(), "--spots", tmp.resolve("none.tsv").toString(), "--section", "s1",
                "--store", store());
        assertEquals(1, noSpots.code(), noSpots.toString());
        assertTrue(noSpots.err().contains("none.tsv: no such file; expected a spot selection table"), noSpots.err());
        Cli noSection = Cli.run("import", "st", "--visium", tmp.toString(), "--store", store());
        assertEquals(2, noSection.code(), noSection.toString());
        assertTrue(noSection.err().contains("--visium needs --section"), noSection.err());
        Cli norm = Cli.run("import", "st", "--counts", f[0].toString(), "--spots", f[1].toString(), "--section", "s1", "--normalisation", "tpm",
                "--store", store());
        assertEquals(2, norm.code(), norm.toString());
        assertTrue(norm.err().contains("unknown normalisation 'tpm'"), norm.err());
        Cli two = Cli.run("import", "st", "--counts", f[0].toString(), "--visium", tmp.toString(), "--store", store());
        assertEquals(2, two.code(), two.toString());
    }

    @Test
    void helpExplainsTheSourcesAndWhyRawCountsMislead() {
        Cli help = Cli.run("import", "st", "--help");
        assertEquals(0, help.code(), help.toString());
        for (String s : new String[] {"--legacy-dir", "--visium", "leading letters", "inflated", "0.69", "tessera import st --legacy-dir",
            "default: cp10k", "default: 200"}) {
            assertTrue(help.out().contains(s), s + " missing from\n" + help.out());
        }
    }
}
