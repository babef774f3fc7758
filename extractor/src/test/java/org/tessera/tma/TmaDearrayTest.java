package org.tessera.tma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.ColourFeatures;
import org.tessera.examples.TmaComposer;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.SlideImporter;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;
import org.tessera.tiling.TilingSpec;

/** De-arraying a TMA composed from real tissue (see {@link TmaComposer}). */
class TmaDearrayTest {
    @TempDir
    static Path tmp;

    static TmaComposer.Composed tma;
    static Path storeDir;
    static Path coreMap;
    static TmaDearray.Outcome outcome;

    /** Every core gets patient P01.. in reading order, except that D5 belongs to A2's patient; B3 (empty) is listed too. */
    @BeforeAll
    static void dearray() throws Exception {
        tma = TmaComposer.write(Shared.path("slides").getParent(), tmp.resolve("tma.png"));
        StringBuilder map = new StringBuilder("core,patient\n");
        int n = 0;
        for (String label : tma.centres().keySet()) {
            map.append(label).append(',').append(label.equals("D5") ? "P02" : String.format("P%02d", ++n)).append('\n');
        }
        map.append("B3,P99\n");
        coreMap = tmp.resolve("core-map.csv");
        Files.writeString(coreMap, map, StandardCharsets.UTF_8);
        storeDir = tmp.resolve("store");
        try (FeatureStore store = FeatureStore.open(storeDir)) {
            SlideImporter.Report r = SlideImporter.add(store, List.of(new SlideImporter.Entry(tma.png(),
                    OptionalDouble.of(TmaComposer.MPP), Optional.empty(), Optional.of("TMA"))));
            assertTrue(r.failures().isEmpty(), r.failures().toString());
            outcome = TmaDearray.run(store, "tma", new TmaDearray.Options(OptionalInt.of(TmaComposer.ROWS),
                    OptionalInt.of(TmaComposer.COLS), OptionalDouble.empty(), Optional.of(coreMap), Optional.of(tmp.resolve("tma-preview.png"))));
        }
    }

    @Test
    void everyCoreIsFoundAndLabelledAsLaidOut() {
        GridFitter.Result result = outcome.result();
        assertEquals(tma.centres().size(), result.placed().size(), "placed " + result.placed().size() + ", extra " + result.extra());
        assertTrue(result.extra().isEmpty(), result.extra().toString());
        for (GridFitter.Placed p : result.placed()) {
            double[] truth = tma.centres().get(p.label());
            assertTrue(truth != null, p.label() + " is not a composed core");
            double off = Math.hypot(p.core().x() - truth[0], p.core().y() - truth[1]);
            assertTrue(off < 0.1 * TmaComposer.PITCH_PX, p.label() + " found " + off + " px from where it was laid");
        }
        assertEquals(TmaComposer.EMPTY, new TreeSet<>(result.missing().stream().map(GridFitter.Missing::label).toList()).stream()
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(TmaComposer.ROTATION_DEGREES, result.grid().rotationDegrees(), 0.5);
        assertEquals(TmaComposer.PITCH_PX, result.grid().colPitch(), 0.03 * TmaComposer.PITCH_PX);
    }

    @Test
    void coreMapNamingAnAbsentCoreIsReported() {
        assertEquals(1, outcome.mapProblems().size(), outcome.mapProblems().toString());
        String problem = outcome.mapProblems().get(0);
        assertTrue(problem.startsWith(coreMap.toString()) && problem.contains("core B3") && problem.contains("P99")
                && problem.contains("no core was found"), problem);
        assertTrue(outcome.unmapped().isEmpty(), outcome.unmapped().toString());
    }

    /** A smaller copy of core A1's tissue pasted in the gap between A1, A2, B1 and B2: an extra core, off the grid. */
    @Test
    void aCoreOffTheGridIsReportedAsExtra() throws Exception {
        java.awt.image.BufferedImage image = ImageIO.read(tma.png().toFile());
        double[] a1 = tma.centres().get("A1");
        double[] a2 = tma.centres().get("A2");
        double[] b1 = tma.centres().get("B1");
        double[] b2 = tma.centres().get("B2");
        int r = (int) (0.25 * TmaComposer.PITCH_PX);
        int x = (int) Math.round((a1[0] + a2[0] + b1[0] + b2[0]) / 4);
        int y = (int) Math.round((a1[1] + a2[1] + b1[1] + b2[1]) / 4);
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dx * dx + dy * dy <= r * r) {
                    image.setRGB(x + dx, y + dy, image.getRGB((int) a1[0] + dx, (int) a1[1] + dy));
                }
            }
        }
        Path png = tmp.resolve("tma-extra.png");
        ImageIO.write(image, "png", png.toFile());
        try (FeatureStore store = FeatureStore.open(tmp.resolve("store-extra"))) {
            SlideImporter.add(store, List.of(new SlideImporter.Entry(png, OptionalDouble.of(TmaComposer.MPP), Optional.empty(), Optional.empty())));
            TmaDearray.Outcome o = TmaDearray.run(store, "tma-extra", new TmaDearray.Options(OptionalInt.of(TmaComposer.ROWS),
                    OptionalInt.of(TmaComposer.COLS), OptionalDouble.empty(), Optional.empty(), Optional.empty()));
            assertEquals(tma.centres().size(), o.result().placed().size());
            assertEquals(1, o.result().extra().size(), o.result().extra().toString());
            assertEquals(x, o.result().extra().get(0).x(), 0.05 * TmaComposer.PITCH_PX);
            assertEquals(y, o.result().extra().get(0).y(), 0.05 * TmaComposer.PITCH_PX);
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT label FROM tma_cores WHERE grid_row IS NULL")) {
                assertTrue(rs.next());
                assertEquals("extra-1", rs.getString(1));
            }
        }
    }

    @Test
    void previewIsWrittenAtThumbnailSize() throws Exception {
        var image = ImageIO.read(tmp.resolve("tma-preview.png").toFile());
        assertEquals(TmaDearray.THUMBNAIL_SIDE, Math.max(image.getWidth(), image.getHeight()), 1);
    }

    /** Tiles embedded with the colour baseline; the tma_cores feature set gives each core's tiles under its patient. */
    @Test
    void patientsPoolOverTheirCores() throws Exception {
        try (FeatureStore store = FeatureStore.open(storeDir)) {
            ExtractionOptions options = ExtractionOptions.defaults(ColourFeatures.NAME).withTiling(TilingSpec.of(32, TmaComposer.MPP));
            ExtractionReport report = new Extractor(store, options).run(store.slides().all(), p -> { });
            assertTrue(report.failures().isEmpty(), report.failures().toString());
            String sql = new String(TmaDearrayTest.class.getClassLoader().getResourceAsStream("sql/feature-sets/tma_cores.sql")
                    .readAllBytes(), StandardCharsets.UTF_8).replace("${backbone}", "'" + ColourFeatures.NAME + "'")
                    .replace("${min_sharpness:-0}", "'0'");
            Map<String, java.util.Set<String>> coresByPatient = new HashMap<>();
            Map<String, Integer> tilesByCore = new HashMap<>();
            try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    coresByPatient.computeIfAbsent(r.getString("patient_id"), k -> new TreeSet<>()).add(r.getString("slide_id"));
                    tilesByCore.merge(r.getString("core"), 1, Integer::sum);
                }
            }
            assertEquals(tma.centres().size() - 1, coresByPatient.size(), coresByPatient.keySet().toString());
            assertEquals(2, coresByPatient.get("P02").size(), coresByPatient.get("P02").toString());
            assertTrue(coresByPatient.get("P02").stream().anyMatch(u -> u.endsWith(":D5")), coresByPatient.get("P02").toString());
            // A 1 mm core holds about pi (125 / 32)^2 = 48 tile centres of 128 um tiles.
            for (Map.Entry<String, Integer> e : tilesByCore.entrySet()) {
                assertTrue(e.getValue() >= 30 && e.getValue() <= 60, e.toString());
            }
            assertEquals(tma.centres().size(), tilesByCore.size());
        }
    }
}
