package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * {@code tessera survival} on the shared cohorts. Expected numbers are R's, as cited in the analysis
 * module's tests (R 4.2.2 / survival 3.5.3, printed with sprintf("%.17g")):
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * survdiff(Surv(time, cens) ~ horTh, data = d)                                  # LogRankTest
 * coxph(Surv(time, cens) ~ age + tsize + pnodes + horTh, data = d, ties = "efron")   # CoxPhTest
 * survfit(Surv(time, cens) ~ 1, data = d, conf.type = "log-log")                # GbsgKaplanMeierExpected
 * </pre>
 */
class SurvivalCommandTest {
    private static final String TCGA_TIME = "Overall Survival (Months)";
    private static final String TCGA_EVENT = "Overall Survival Status";

    private static String gbsg() {
        return Shared.path("cohorts/gbsg2.csv").toString();
    }

    private static String tcga() {
        return Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv").toString();
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    /** The sections of TSV output: name to rows, each row a column-to-cell map. */
    private static Map<String, List<Map<String, String>>> tsv(String out) {
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        String[] blocks = out.strip().split("\n\n");
        for (String block : blocks) {
            String[] lines = block.split("\n");
            assertTrue(lines[0].startsWith("# "), block);
            String[] header = lines[1].split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 2; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < header.length; j++) {
                    row.put(header[j], cells[j]);
                }
                rows.add(row);
            }
            sections.put(lines[0].substring(2), rows);
        }
        return sections;
    }

    private static void assertNear(double expected, String actual, String what) {
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(a - expected) <= 1e-6 * Math.abs(expected) + 1e-12,
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void logRankByHormonalTherapyPrintsSurvdiffChiSquare() {
        Cli r = ok("survival", "logrank", "--file", gbsg(), "--time", "time", "--event", "cens", "--group", "horTh",
                "--format", "tsv");
        var s = tsv(r.out());
        assertNear(8.5647808535389558, s.get("test").getFirst().get("chisq"), "chisq");
        assertNear(0.0034272822647459446, s.get("test").getFirst().get("p"), "p");
        assertEquals("1", s.get("test").getFirst().get("df"));
        assertNear(180.34308295833489, s.get("groups").get(0).get("expected"), "expected no");
        assertNear(118.65691704166495, s.get("groups").get(1).get("expected"), "expected yes");
        assertEquals("440", s.get("groups").get(0).get("n"));
    }

    @Test
    void logRankTablePrintsTheChiSquareToSixDigits() {
        Cli r = ok("survival", "logrank", "--file", gbsg(), "--time", "time", "--event", "cens", "--group", "horTh");
        assertTrue(r.out().contains("8.56478"), r::toString);
        assertTrue(r.out().contains("0.00342728"), r::toString);
    }

    @Test
    void coxOnGbsg2PrintsCoxphEfronCoefficients() {
        Cli r = ok("survival", "cox", "--file", gbsg(), "--time", "time", "--event", "cens",
                "--covariates", "age,tsize,pnodes,horTh", "--format", "tsv");
        var s = tsv(r.out());
        List<Map<String, String>> coef = s.get("coefficients");
        assertEquals(List.of("age", "tsize", "pnodes", "horThyes"), coef.stream().map(m -> m.get("term")).toList());
        double[] expected = {-0.00030201774136662647, 0.007414234699733421, 0.052387298551185353, -0.36280255199080991};
        double[] se = {0.0060355432569482162, 0.0038602727935849396, 0.0073306991383256491, 0.12810506929722362};
        double[] lower = {0.98794182440198508, 0.99984825056891702, 1.0387513764184624, 0.5412446555155388};
        double[] p = {0.96009062417304858, 0.054775789618623186, 8.9154910211686026e-13, 0.0046247690907504609};
        for (int i = 0; i < 4; i++) {
            assertNear(expected[i], coef.get(i).get("coef"), "coef " + i);
            assertNear(se[i], coef.get(i).get("se(coef)"), "se " + i);
            assertNear(lower[i], coef.get(i).get("lower .95"), "lower " + i);
            assertNear(p[i], coef.get(i).get("p"), "p " + i);
        }
        Map<String, Map<String, String>> tests = new LinkedHashMap<>();
        s.get("tests").forEach(row -> tests.put(row.get("test"), row));
        assertNear(87.700409164245769, tests.get("wald").get("statistic"), "wald");
        assertNear(90.833900470546226, tests.get("score").get("statistic"), "score");
        assertNear(62.017964334412227, tests.get("likelihood ratio").get("statistic"), "LR");
        assertNear(0.65755380545869901, s.get("model").getFirst().get("concordance"), "C");
        assertEquals("686", s.get("model").getFirst().get("n"));
    }

    @Test
    void coxWithBreslowTiesAndACutRuns() {
        Cli r = ok("survival", "cox", "--file", gbsg(), "--time", "time", "--event", "cens",
                "--covariates", "age,tgrade", "--cut", "age=50", "--ties", "breslow");
        assertTrue(r.out().contains("age>50") && r.out().contains("tgradeII") && r.out().contains("tgradeIII"),
                r::toString);
    }

    @Test
    void kaplanMeierJsonParsesAndMatchesSurvfit() throws Exception {
        Cli r = ok("survival", "km", "--file", gbsg(), "--time", "time", "--event", "cens", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode first = root.get("survival").get(0);
        assertEquals(72, first.get("time").asDouble());
        assertEquals(672, first.get("n.risk").asInt());
        assertNear(0.998511904762, first.get("survival").asText(), "S(72)");
        assertNear(0.989483722569, first.get("lower").asText(), "log-log lower");
        JsonNode median = root.get("median").get(0);
        assertEquals(1807, median.get("median").asDouble());
        assertEquals(1528, median.get("lower").asDouble());
        assertEquals(2018, median.get("upper").asDouble());
        assertEquals(686, root.get("data").get(0).get("n").asInt());
    }

    @Test
    void kaplanMeierByGroupPrintsAnUnreachedLimitAsNull() throws Exception {
        Cli r = ok("survival", "km", "--file", gbsg(), "--time", "time", "--event", "cens", "--group", "horTh",
                "--format", "json");
        JsonNode medians = new ObjectMapper().readTree(r.out()).get("median");
        assertEquals("yes", medians.get(1).get("group").asText());
        assertEquals(2018, medians.get(1).get("median").asDouble());
        assertTrue(medians.get(1).get("upper").isNull(), r::toString);
    }

    @Test
    void missingColumnExitsOneNamingTheColumnAndTheFile() {
        Cli r = Cli.run("survival", "logrank", "--file", gbsg(), "--time", "time", "--event", "cens",
                "--group", "nosuch");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("'nosuch'") && r.err().contains("gbsg2.csv"), r::toString);
    }

    @Test
    void cBioPortalStatusIsReadAndMissingSubtypesAreCounted() throws Exception {
        Cli r = ok("survival", "logrank", "--file", tcga(), "--time", TCGA_TIME, "--event", TCGA_EVENT,
                "--group", "Subtype", "--format", "json");
        assertTrue(r.err().contains("dropped 103 of 1084 rows"), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(981, root.get("data").get(0).get("n").asInt());
        assertEquals(132, root.get("data").get(0).get("events").asInt());
        double observed = 0;
        for (JsonNode g : root.get("groups")) {
            observed += g.get("observed").asDouble();
        }
        assertEquals(132, observed);
        assertEquals(5, root.get("groups").size());
    }

    @Test
    void everyDeathInTheTcgaFileIsCountedWithoutAGroup() throws Exception {
        Cli r = ok("survival", "km", "--file", tcga(), "--time", TCGA_TIME, "--event", TCGA_EVENT, "--format", "json");
        JsonNode data = new ObjectMapper().readTree(r.out()).get("data").get(0);
        assertEquals(1084, data.get("n").asInt());
        assertEquals(151, data.get("events").asInt());
        assertEquals(0, data.get("dropped").asInt());
    }

    @Test
    void kaplanMeierByGroupOnTcgaGivesOneCurvePerSubtype() throws Exception {
        Cli r = ok("survival", "km", "--file", tcga(), "--time", TCGA_TIME, "--event", TCGA_EVENT,
                "--group", "Subtype", "--format", "json");
        JsonNode medians = new ObjectMapper().readTree(r.out()).get("median");
        assertEquals(List.of("BRCA_Basal", "BRCA_Her2", "BRCA_LumA", "BRCA_LumB", "BRCA_Normal"),
                java.util.stream.StreamSupport.stream(medians.spliterator(), false).map(m -> m.get("group").asText()).toList());
    }

    @Test
    void cIndexOfTheCoxLinearPredictorDirectionMatters(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("scores.tsv");
        Files.writeString(f, "t\te\tscore\n1\tTRUE\t3\n2\tFALSE\t2\n3\tTRUE\tNA\n4\tTRUE\t1\n5\tFALSE\t0\n");
        Cli risk = ok("survival", "cindex", "--file", f.toString(), "--time", "t", "--event", "e", "--score", "score",
                "--format", "tsv");
        assertTrue(risk.err().contains("dropped 1 of 5"), risk::toString);
        Map<String, String> c = tsv(risk.out()).get("concordance").getFirst();
        // 4 rows kept; comparable pairs: (1,2), (1,4), (1,5), (4,5) all ordered as the risk score predicts.
        assertEquals("1.0", c.get("C"));
        assertEquals("4", c.get("concordant"));
        Cli survival = ok("survival", "cindex", "--file", f.toString(), "--time", "t", "--event", "e", "--score", "score",
                "--direction", "survival", "--format", "tsv");
        assertEquals("0.0", tsv(survival.out()).get("concordance").getFirst().get("C"));
    }

    @Test
    void anUnreadableEventValueNamesColumnAndRow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "t,e\n1,1\n2,relapse\n"); // dead/alive are read (SurvivalCodes); 'relapse' is no coding
        Cli r = Cli.run("survival", "km", "--file", f.toString(), "--time", "t", "--event", "e");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("'e'") && r.err().contains("line 3") && r.err().contains("relapse"), r::toString);
    }

    @Test
    void aStoreTableAndAQueryGiveTheSameTestAsTheFile(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        ok("import", "clinical", tcga(), "--store", store);
        Cli table = ok("survival", "logrank", "--store", store, "--table", "clinical", "--time", "overall_survival_months",
                "--event", "overall_survival_status", "--group", "subtype", "--format", "tsv");
        Cli file = ok("survival", "logrank", "--file", tcga(), "--time", TCGA_TIME, "--event", TCGA_EVENT,
                "--group", "Subtype", "--format", "tsv");
        assertEquals(tsv(file.out()).get("test"), tsv(table.out()).get("test"));
        assertTrue(table.err().contains("dropped 103 of 1084 rows"), table::toString);
        Cli query = ok("survival", "km", "--store", store, "--sql",
                "SELECT overall_survival_months AS t, overall_survival_status AS e FROM clinical WHERE subtype = 'BRCA_Basal'",
                "--time", "t", "--event", "e", "--format", "json");
        assertEquals(171, new ObjectMapper().readTree(query.out()).get("data").get(0).get("n").asInt());
    }

    @Test
    void withoutASourceItIsAUsageError() {
        Cli r = Cli.run("survival", "km", "--time", "t", "--event", "e");
        assertEquals(2, r.code(), r::toString);
    }
}
