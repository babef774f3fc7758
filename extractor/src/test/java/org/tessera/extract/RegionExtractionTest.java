package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.ColourFeatures;
import org.tessera.regions.AnnotationException;
import org.tessera.regions.RegionImport;
import org.tessera.store.FeatureStore;

/** extract --region and --min-sharpness, and re-importing annotations, on CMU-1-Small-Region with the colour baseline. */
class RegionExtractionTest {
    @TempDir
    Path tmp;

    private static Path geojson() throws Exception {
        return Path.of(RegionExtractionTest.class.getResource("/regions/qupath-0.5-cmu1.geojson").toURI());
    }

    private static List<Integer> ints(FeatureStore store, String sql) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getInt(1));
            }
        }
        return out;
    }

    private static FeatureStore cmuStore(Path dir) throws Exception {
        FeatureStore store = FeatureStore.open(dir);
        SlideImporter.Report r = SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null)));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        return store;
    }

    private static ExtractionOptions colour() {
        return Fixtures.options(ColourFeatures.NAME);
    }

    @Test
    void regionExtractionEmbedsOnlyTheClassTilesAndReimportNeverTouchesEmbeddings() throws Exception {
        try (FeatureStore store = cmuStore(tmp.resolve("s"))) {
            RegionImport.geoJson(store, geojson(), "CMU-1-Small-Region"); // before any grid: covered when the grid is made
            TileSelection tumour = new TileSelection(Optional.of("Tumor"), 0.5, 0);
            ExtractionReport report = new Extractor(store, colour()).select(tumour).run(store.slides().all(), p -> { });
            assertTrue(report.failures().isEmpty(), report.failures().toString());
            List<Integer> expected = ints(store, "SELECT tile_index FROM tile_regions WHERE class = 'Tumor' AND fraction >= 0.5 ORDER BY 1");
            assertTrue(!expected.isEmpty() && expected.size() < Fixtures.count(store, "SELECT count(*) FROM tiles"), expected.toString());
            assertEquals(expected, ints(store, "SELECT tile_index FROM embeddings ORDER BY 1"));
            assertEquals(Fixtures.count(store, "SELECT count(*) FROM tiles"), Fixtures.count(store, "SELECT count(*) FROM tile_sharpness"));

            List<Path> files;
            try (var walk = Files.walk(store.root().resolve("embeddings"))) {
                files = walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
            }
            List<Long> modified = new ArrayList<>();
            for (Path f : files) {
                modified.add(Files.getLastModifiedTime(f).toMillis());
            }
            long before = Fixtures.count(store, "SELECT count(*) FROM tile_regions WHERE class = 'Tumor'");
            // The same file name, Tumor renamed Necrosis: annotations and coverage replaced, embeddings untouched.
            Path changed = tmp.resolve("qupath-0.5-cmu1.geojson");
            String text = Files.readString(geojson());
            Files.writeString(changed, text.replace("\"Tumor\"", "\"Necrosis\""));
            RegionImport.Outcome o = RegionImport.geoJson(store, changed, "CMU-1-Small-Region");
            assertEquals(1, o.grids());
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM tile_regions WHERE class = 'Tumor'"));
            assertEquals(before, Fixtures.count(store, "SELECT count(*) FROM tile_regions WHERE class = 'Necrosis'"));
            assertEquals(4, Fixtures.count(store, "SELECT count(*) FROM annotations"));
            assertEquals(expected, ints(store, "SELECT tile_index FROM embeddings ORDER BY 1"));
            for (int i = 0; i < files.size(); i++) {
                assertEquals(modified.get(i), Files.getLastModifiedTime(files.get(i)).toMillis(), files.get(i).toString());
            }

            // A whole-grid run does not pass the partial set silently.
            ExtractionReport full = Fixtures.extract(store, colour());
            assertEquals(1, full.failures().size(), full.failures().toString());
            assertTrue(full.failures().get(0).error().contains("hold " + expected.size() + " of the grid's"), full.failures().toString());
        }
    }

    @Test
    void minSharpnessKeepsTheTilesAtLeastThatSharp() throws Exception {
        try (FeatureStore store = cmuStore(tmp.resolve("q"))) {
            ExtractionReport report = new Extractor(store, colour()).select(new TileSelection(Optional.empty(), 0.5, 1500))
                    .run(store.slides().all(), p -> { });
            assertTrue(report.failures().isEmpty(), report.failures().toString());
            List<Integer> sharp = ints(store, "SELECT tile_index FROM tile_sharpness WHERE sharpness >= 1500 ORDER BY 1");
            assertTrue(!sharp.isEmpty() && sharp.size() < Fixtures.count(store, "SELECT count(*) FROM tiles"), sharp.toString());
            assertEquals(sharp, ints(store, "SELECT tile_index FROM embeddings ORDER BY 1"));
        }
    }

    /** A grid without sharpness or coverage (an older store, or a run killed after the grid) gets them on its next use. */
    @Test
    void aGridMissingSharpnessOrCoverageGetsThemWhenNextUsed() throws Exception {
        try (FeatureStore store = cmuStore(tmp.resolve("b"))) {
            assertTrue(Fixtures.extract(store, colour()).ok());
            RegionImport.geoJson(store, geojson(), "CMU-1-Small-Region");
            long regions = Fixtures.count(store, "SELECT count(*) FROM tile_regions");
            long tiles = Fixtures.count(store, "SELECT count(*) FROM tiles");
            assertTrue(regions > 0);
            Path preview;
            try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery("SELECT preview_path FROM tile_grids")) {
                assertTrue(r.next());
                preview = store.resolve(r.getString(1));
            }
            try (Statement s = store.connection().createStatement()) {
                s.execute("DELETE FROM tile_sharpness");
                s.execute("DELETE FROM tile_regions");
            }
            Files.delete(preview); // a run stopped before the slide's last tile was read writes no preview
            Fixtures.addBackbone(store, Fixtures.MOBILENET);
            assertTrue(Fixtures.extract(store, Fixtures.options(Fixtures.MOBILENET)).ok());
            assertEquals(tiles, Fixtures.count(store, "SELECT count(*) FROM tile_sharpness"));
            assertEquals(regions, Fixtures.count(store, "SELECT count(*) FROM tile_regions"));
            assertTrue(Files.size(preview) > 0, preview.toString());
        }
    }

    @Test
    void unknownSlideIsNamedWithTheFile() throws Exception {
        try (FeatureStore store = cmuStore(tmp.resolve("u"))) {
            AnnotationException e = assertThrows(AnnotationException.class, () -> RegionImport.geoJson(store, geojson(), "no-such-slide"));
            assertTrue(e.getMessage().startsWith(geojson().toString()) && e.getMessage().contains("unknown slide 'no-such-slide'"),
                    e.getMessage());
        }
    }
}
