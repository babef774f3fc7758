package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.testkit.Shared;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileRead;

class ExtractorTest {
    @TempDir
    Path tmp;

    @Test
    void storedEmbeddingsEqualADirectOnnxRuntimeRunOnTheSameTile() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertTrue(report.ok(), report.failures().toString());
            SlideRecord cmu = store.slides().all().stream().filter(s -> s.name().startsWith("CMU")).findFirst().orElseThrow();
            String tiling = new Extractor(store, Fixtures.options(MOBILENET)).tilingId();
            List<Tile> tiles = store.tilings().tiles(cmu.slideId(), tiling);
            Map<String, float[]> stored = Fixtures.embeddings(store);
            BackboneCard card = BackboneCard.builtin(MOBILENET);
            TilePreprocessor pre = TilePreprocessor.forCard(card);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (Slide slide = Slides.open(Path.of(cmu.path()), OptionalDouble.empty());
                    OrtSession session = env.createSession(card.modelIn(Shared.path("models")).toString())) {
                for (Tile t : List.of(tiles.get(0), tiles.get(tiles.size() / 2), tiles.get(tiles.size() - 1))) {
                    float[] input = new float[pre.floatsPerTile()];
                    pre.write(TileRead.plan(t, 0.5 / cmu.mpp(), slide).read(slide, 448), input, 0);
                    float[] direct;
                    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, 224, 224});
                            OrtSession.Result out = session.run(Map.of("input", x), Set.of("embedding"))) {
                        direct = ((float[][]) out.get(0).getValue())[0];
                    }
                    float[] fromStore = stored.get(cmu.slideId() + "/" + MOBILENET + "/" + t.index());
                    assertEquals(1280, fromStore.length);
                    assertArrayEquals(direct, fromStore, 1e-5f, "tile " + t.index());
                }
            }
        }
    }

    @Test
    void aRerunDoesNoInference() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            ExtractionReport first = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(2, first.slidesExtracted());
            assertTrue(first.inferenceBatches() > 0);
            long rows = Fixtures.count(store, "SELECT count(*) FROM embeddings");
            ExtractionReport again = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(0, again.inferenceBatches(), "no backbone call");
            assertEquals(0, again.tilesEmbedded());
            assertEquals(2, again.slidesSkipped());
            assertEquals(rows, Fixtures.count(store, "SELECT count(*) FROM embeddings"));
            assertEquals(2, Fixtures.count(store, "SELECT count(*) FROM extraction_runs WHERE finished_at IS NOT NULL"));
        }
    }

    @Test
    void aSecondBackboneReusesTheTileGrids() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            Fixtures.extract(store, Fixtures.options(MOBILENET));
            String before = grids(store);
            Fixtures.addBackbone(store, "inception_v3_mixed5_imagenet");
            ExtractionReport second = Fixtures.extract(store, Fixtures.options("inception_v3_mixed5_imagenet"));
            assertEquals(2, second.slidesExtracted());
            assertEquals(before, grids(store), "grids (and their creation times) untouched");
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM (SELECT slide_id, tile_index FROM embeddings "
                    + "WHERE backbone = 'mobilenet_v2_imagenet' EXCEPT SELECT slide_id, tile_index FROM embeddings "
                    + "WHERE backbone = 'inception_v3_mixed5_imagenet')"), "the same tiles for both backbones");
            assertEquals(768, Fixtures.count(store, "SELECT max(len(vector)) FROM embeddings WHERE backbone LIKE 'inception%'"));
        }
    }

    private static String grids(FeatureStore store) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT slide_id, tiling_id, n_tiles, created_at FROM tile_grids ORDER BY ALL")) {
            while (r.next()) {
                b.append(r.getString(1)).append(r.getString(2)).append(r.getInt(3)).append(r.getString(4)).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void anInterruptedRunResumesToTheSameStoreAsAnUninterruptedOne() throws Exception {
        Map<String, float[]> reference;
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("whole"))) {
            Fixtures.extract(store, Fixtures.options(MOBILENET));
            reference = Fixtures.embeddings(store);
        }
        Path dir = tmp.resolve("interrupted");
        try (FeatureStore store = Fixtures.twoSlides(dir)) {
            // The progress callback runs on the writer thread: throwing there stops the run mid-slide, as a crash
            // would. Batches of 4 make sure the second slide is still unfinished when the first one completes.
            IOException crash = assertThrows(IOException.class, () -> new Extractor(store,
                    Fixtures.options(MOBILENET).withBatchSize(4)).run(store.slides().all(), p -> {
                        if (p.slidesDone() >= 1) {
                            throw new IllegalStateException("simulated crash");
                        }
                    }));
            assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
            assertEquals(1, Fixtures.count(store, "SELECT count(*) FROM embedding_sets"), "the finished slide is kept");
        }
        try (FeatureStore store = FeatureStore.open(dir)) {
            ExtractionReport resumed = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(1, resumed.slidesSkipped(), "the slide finished before the crash is not redone");
            assertEquals(1, resumed.slidesExtracted());
            Map<String, float[]> after = Fixtures.embeddings(store);
            assertEquals(reference.keySet(), after.keySet(), "same tiles, no duplicates, none missing");
            for (var e : reference.entrySet()) {
                assertArrayEquals(e.getValue(), after.get(e.getKey()), 1e-5f, e.getKey());
            }
            assertEquals(after.size(), Fixtures.count(store, "SELECT count(*) FROM read_parquet('embeddings/**/*.parquet')"),
                    "no stray Parquet rows on disk");
        }
    }

    @Test
    void aRenamedCopyOfASlideIsRecognisedAndNotExtractedAgain() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            Fixtures.extract(store, Fixtures.options(MOBILENET));
            Path copy = tmp.resolve("elsewhere/renamed-copy.svs");
            Files.createDirectories(copy.getParent());
            Files.copy(Fixtures.cmu(), copy);
            SlideImporter.Report r = SlideImporter.add(store, List.of(Fixtures.entry(copy, null)));
            assertTrue(r.added().get(0).known(), "recognised by content");
            assertEquals(2, Fixtures.count(store, "SELECT count(*) FROM slides"));
            assertEquals(copy.toAbsolutePath().toString(), r.added().get(0).slide().path());
            ExtractionReport again = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(0, again.inferenceBatches());
        }
    }

    @Test
    void parquetFilesReadWithPlainDuckDbGiveTheSameVectors() throws Exception {
        Map<String, float[]> viaView;
        Path dir = tmp.resolve("s");
        try (FeatureStore store = Fixtures.twoSlides(dir)) {
            Fixtures.extract(store, Fixtures.options(MOBILENET));
            viaView = Fixtures.embeddings(store);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT slide_id, tile_index, vector FROM read_parquet('"
                        + dir.resolve("embeddings/**/*.parquet") + "')")) {
            int n = 0;
            while (r.next()) {
                float[] v = Fixtures.floats(r.getArray(3));
                assertArrayEquals(viaView.get(r.getString(1) + "/" + MOBILENET + "/" + r.getInt(2)), v);
                n++;
            }
            assertEquals(viaView.size(), n);
        }
    }

    @Test
    void aSlideThatDisappearedIsReportedAndTheOthersAreExtracted() throws Exception {
        Path copy = tmp.resolve("gone.svs");
        Files.copy(Fixtures.cmu(), copy);
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Fixtures.addBackbone(store, MOBILENET);
            SlideImporter.add(store, List.of(Fixtures.entry(copy, null), Fixtures.entry(Fixtures.tcga(), 0.5)));
            Files.delete(copy);
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(1, report.slidesExtracted());
            assertEquals(1, report.failures().size());
            ExtractionReport.Failure f = report.failures().get(0);
            assertTrue(f.slide().endsWith("gone.svs"), f.slide());
            assertTrue(f.error().contains("file not found"), f.error());
            assertTrue(Fixtures.count(store, "SELECT count(*) FROM extraction_runs WHERE slides_failed = 1 "
                    + "AND failures::VARCHAR LIKE '%gone.svs%'") == 1, "the failure is recorded in the run log");
        }
    }

    @Test
    void defaultTissueDetectionKeepsTheHer2stSpotsAndDropsTheGlass() throws Exception {
        // Spots under tissue (selected == 1) are a ground truth for tissue that does not come from Tessera.
        for (String section : List.of("C2", "C5")) {
            try (Slide slide = Slides.open(Shared.path("her2st/images/" + section + ".jpg"), OptionalDouble.of(0.69))) {
                var thumb = org.tessera.tiling.Thumbnail.read(slide, org.tessera.tissue.TissueOptions.DEFAULT.thumbnailMaxSide());
                var mask = new org.tessera.tissue.TissueDetector().detect(thumb.image(), thumb.downsample());
                int in = 0;
                int total = 0;
                List<String> lines = Files.readAllLines(Shared.path("her2st/spots/" + section + "_selection.tsv"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t");
                    if (f[6].strip().equals("1")) {
                        total++;
                        in += mask.isTissueAt(Double.parseDouble(f[4]), Double.parseDouble(f[5])) ? 1 : 0;
                    }
                }
                assertTrue(in >= 0.95 * total, section + ": " + in + " of " + total + " spots in tissue");
                var d = slide.levelDimensions(0);
                assertEquals(0.0, mask.fraction(0, 0, 1000, 1000), 0.01, section + ": top-left glass");
                assertEquals(0.0, mask.fraction(d.width() - 1000, d.height() - 1000, 1000, 1000), 0.01, section + ": bottom-right glass");
                assertTrue(mask.tissueFraction() > 0.10 && mask.tissueFraction() < 0.25, section + ": " + mask.tissueFraction());
            }
        }
    }
}
