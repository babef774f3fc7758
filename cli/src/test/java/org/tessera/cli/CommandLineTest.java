package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

class CommandLineTest {
    @TempDir
    Path tmp;

    private String store() {
        return tmp.resolve("store").toString();
    }

    /** init, mobilenet and the CMU slide: the smallest real store. */
    private void smallStore() {
        Cli add = Cli.run("backbone", "add", "mobilenet_v2_imagenet", "--store", store(), "--models", Shared.path("models").toString());
        assertEquals(0, add.code(), add.toString());
        Cli slides = Cli.run("slides", "add", Shared.path("slides/CMU-1-Small-Region.svs").toString(), "--store", store(), "--cohort", "C");
        assertEquals(0, slides.code(), slides.toString());
    }

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        // A lone '%' in a description (e.g. "10-20% over minutes") makes picocli print a warning and the raw text.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.util.List<String> names = new java.util.ArrayList<>();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            visit(Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter())),
                    names);
        } finally {
            System.setErr(saved);
        }
        assertTrue(names.size() > 30 && names.contains("extraction"), "the whole command tree was rendered: " + names);
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8), "picocli's warnings while rendering every --help");
    }

    private static void visit(picocli.CommandLine command, java.util.List<String> names) {
        command.getUsageMessage();
        names.add(command.getCommandName());
        command.getSubcommands().values().stream().distinct().forEach(sub -> visit(sub, names));
    }

    @Test
    void helpTeachesTheCommandsAndTheirOptions() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.code());
        for (String command : new String[] {"init", "backbone", "slides", "extract", "sql", "demo", "benchmark"}) {
            assertTrue(help.out().contains(command), command + " missing from\n" + help.out());
        }
        Cli extract = Cli.run("extract", "--help");
        assertTrue(extract.out().contains("--tile-px") && extract.out().contains("PathoMCH"), extract.out());
    }

    @Test
    void extractPrintsASummaryAndASecondRunDoesNoWork() {
        smallStore();
        Cli first = Cli.run("extract", "--store", store(), "--backbone", "mobilenet_v2_imagenet", "--tile-px", "448");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("1 extracted"), first.out());
        Cli again = Cli.run("extract", "--store", store(), "--backbone", "mobilenet_v2_imagenet", "--tile-px", "448");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("1 already in the store") && again.out().contains("0 backbone calls"), again.out());
    }

    @Test
    void badSlidesGiveExitCodeOneAndAreListedWithTheirProblem() throws Exception {
        Path text = tmp.resolve("readme.svs");
        Files.writeString(text, "not a slide");
        Cli r = Cli.run("slides", "add", text.toString(), tmp.resolve("absent.svs").toString(),
                Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs").toString(), Shared.path("slides/CMU-1-Small-Region.svs").toString(),
                "--store", store());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("added") && r.out().contains("CMU-1-Small-Region"), r.out());
        assertTrue(r.err().contains("3 slides failed"), r.err());
        assertTrue(r.err().contains("readme.svs") && r.err().contains("absent.svs") && r.err().contains("--mpp"), r.err());
    }

    @Test
    void sqlWritesCsvJsonAndParquetAndIsReadOnlyByDefault() throws Exception {
        smallStore();
        Cli csv = Cli.run("sql", "--store", store(), "--format", "csv", "SELECT name, levels FROM slides");
        assertEquals("name,levels\nCMU-1-Small-Region,1\n", csv.out(), csv.toString());
        Cli json = Cli.run("sql", "--store", store(), "--format", "json", "SELECT name, width, [1.5, 2] AS v FROM slides");
        assertEquals("[\n  {\"name\": \"CMU-1-Small-Region\", \"width\": 2220, \"v\": [1.5, 2.0]}\n]\n", json.out(), json.toString());
        Path parquet = tmp.resolve("slides.parquet");
        Cli pq = Cli.run("sql", "--store", store(), "--format", "parquet", "--out", parquet.toString(), "SELECT * FROM slides");
        assertEquals(0, pq.code(), pq.toString());
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), min(mpp) FROM read_parquet('" + parquet + "')")) {
            r.next();
            assertEquals(1, r.getLong(1));
            assertEquals(0.499, r.getDouble(2), 1e-9);
        }
        Cli write = Cli.run("sql", "--store", store(), "DELETE FROM slides");
        assertEquals(1, write.code(), "read-only by default: " + write);
        assertTrue(write.err().startsWith("tessera: error:"), write.err());
        Path copied = tmp.resolve("x.csv");
        Cli copy = Cli.run("sql", "--store", store(), "COPY (SELECT 1) TO '" + copied + "'");
        assertEquals(1, copy.code(), copy.toString());
        assertTrue(copy.err().contains("read-only") && copy.err().contains("--out"), copy.err());
        assertTrue(Files.notExists(copied), "the refused COPY wrote " + copied);
    }

    @Test
    void unknownBackboneIsAClearErrorWithExitCodeOne() {
        smallStore();
        Cli r = Cli.run("extract", "--store", store(), "--backbone", "uni");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("'uni' is not in the store") && r.err().contains("tessera backbone add"), r.err());
    }

    @Test
    void forcedGpuWithoutOneSaysWhatIsMissing() {
        smallStore();
        Cli r = Cli.run("extract", "--store", store(), "--backbone", "mobilenet_v2_imagenet", "--device", "gpu");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("CUDA"), r.err());
    }
}
