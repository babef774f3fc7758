package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;
import org.tessera.tissue.TissueDetector;

/** A slide that fails with an unexpected exception keeps its cause: one line on screen, class and trace in the store. */
class FailureCauseTest {
    @TempDir
    Path tmp;

    /** The tissue grid, except that planning the CMU slide hits a bug: an exception without a message. */
    private static final class BuggySource implements TileSource {
        private final GridBuilder grid;

        BuggySource(FeatureStore store) {
            grid = new GridBuilder(store, new TissueDetector(), false, Fixtures.LARGE_TILES);
        }

        @Override
        public Planned ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
            if (record.name().startsWith("CMU")) {
                throw new NullPointerException();
            }
            return grid.ensure(record, slide, tilingId);
        }

        @Override
        public String register() throws SQLException {
            return grid.register();
        }

        @Override
        public int tilePx() {
            return grid.tilePx();
        }

        @Override
        public double mpp() {
            return grid.mpp();
        }

        @Override
        public int variants() {
            return grid.variants();
        }

        @Override
        public String noTilesReason() {
            return grid.noTilesReason();
        }

        @Override
        public Object parameters() {
            return grid.parameters();
        }
    }

    @Test
    void anUnexpectedExceptionIsLoggedWithClassAndStackTraceAndTheOtherSlideIsExtracted() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            ExtractionReport report = new Extractor(store, Fixtures.options(MOBILENET), new BuggySource(store))
                    .run(store.slides().all(), p -> { });
            assertEquals(1, report.slidesExtracted(), "the TCGA slide goes on");
            assertEquals(1, report.failures().size());
            ExtractionReport.Failure f = report.failures().get(0);
            assertTrue(f.slide().endsWith("CMU-1-Small-Region.svs"), f.slide());
            assertFalse(f.error().equals("null"), "an NPE no longer reads null");
            assertTrue(f.error().startsWith("NullPointerException at ") && f.error().contains("BuggySource.ensure"), f.error());
            assertFalse(f.error().contains("\n"), "one line on screen");

            String log = Files.readString(store.root().resolve(report.failureLog().orElseThrow()));
            assertEquals("logs/run-" + report.runId() + ".log", report.failureLog().get());
            assertTrue(log.contains("CMU-1-Small-Region.svs") && log.contains("java.lang.NullPointerException")
                    && log.contains("at org.tessera.extract.FailureCauseTest$BuggySource.ensure"), log);

            String[] row = row(store, "SELECT failure_causes, failure_log, failures FROM extraction_runs WHERE run_id = " + report.runId());
            JsonNode causes = new ObjectMapper().readTree(row[0]);
            assertEquals(1, causes.size());
            assertEquals("java.lang.NullPointerException", causes.get(0).get("class").asText());
            assertTrue(causes.get(0).get("message").isNull(), "the exception had no message");
            assertTrue(causes.get(0).get("stack_trace").asText().contains("BuggySource.ensure"));
            assertEquals(report.failureLog().get(), row[1]);
            assertEquals(f.error(), new ObjectMapper().readTree(row[2]).get(0).get("error").asText());
        }
    }

    @Test
    void oneLineReasonsKeepExpectedMessagesAndNameUnexpectedClasses() {
        assertEquals("x.svs: truncated", ExtractionReport.Failure.describe(new IOException("x.svs: truncated\nmore")));
        assertEquals("IllegalStateException: bad state", ExtractionReport.Failure.describe(new IllegalStateException("bad state")));
        ExtractionReport.Failure f = ExtractionReport.Failure.of("s.svs", "tile 3 at (0,0)", new ArithmeticException());
        assertTrue(f.error().startsWith("tile 3 at (0,0): ArithmeticException at "), f.error());
        assertEquals("java.lang.ArithmeticException", f.exceptionClass());
    }

    @Test
    void hostileMessagesSurviveTheJsonColumns() throws Exception {
        String hostile = "quote \" backslash \\ tab \t cr \r nl \n u2028 \u2028 non-BMP \uD83D\uDE00";
        ExtractionReport.Failure f = ExtractionReport.Failure.of("a\"b.svs", "", new IllegalStateException(hostile));
        JsonNode causes = new ObjectMapper().readTree(FailureLog.causesJson(List.of(f)));
        assertEquals(hostile, causes.get(0).get("message").asText());
        assertEquals("a\"b.svs", new ObjectMapper().readTree(FailureLog.reasonsJson(List.of(f))).get(0).get("slide").asText());
    }

    private static String[] row(FeatureStore store, String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            String[] out = new String[r.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = r.getString(i + 1);
            }
            return out;
        }
    }
}
