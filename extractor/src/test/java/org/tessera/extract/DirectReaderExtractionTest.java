package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.OpenSlideSlide;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.testkit.Shared;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileRead;

/** Extraction through the direct JPEG tile reader: the same embeddings as through OpenSlide, readers logged. */
class DirectReaderExtractionTest {
    @TempDir
    Path tmp;

    @Test
    void embeddingsEqualTheOpenSlidePathAndTheRunLogsItsReaders() throws Exception {
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertTrue(report.ok(), report.failures().toString());
            assertEquals(1, Fixtures.count(store, "SELECT count(*) FROM extraction_runs "
                    + "WHERE (readers->>'direct-jpeg')::INT = 1 AND (readers->>'openslide')::INT = 1"), "CMU direct, TCGA (JPEG 2000) not");
            SlideRecord cmu = store.slides().all().stream().filter(s -> s.name().startsWith("CMU")).findFirst().orElseThrow();
            List<Tile> tiles = store.tilings().tiles(cmu.slideId(), new Extractor(store, Fixtures.options(MOBILENET)).tilingId());
            Map<String, float[]> stored = Fixtures.embeddings(store);
            BackboneCard card = BackboneCard.builtin(MOBILENET);
            TilePreprocessor pre = TilePreprocessor.forCard(card);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (Slide direct = Slides.open(Path.of(cmu.path()));
                    Slide openSlide = OpenSlideSlide.open(Path.of(cmu.path()), OptionalDouble.empty());
                    OrtSession session = env.createSession(card.modelIn(Shared.path("models")).toString())) {
                assertEquals("direct-jpeg", direct.reader());
                assertEquals("openslide", openSlide.reader());
                for (Tile t : List.of(tiles.get(0), tiles.get(tiles.size() / 2), tiles.get(tiles.size() - 1))) {
                    float[] input = new float[pre.floatsPerTile()];
                    pre.write(TileRead.plan(t, 0.5 / cmu.mpp(), openSlide).read(openSlide, 448), input, 0);
                    assertArrayEquals(Fixtures.onnxEmbedding(env, session, input, 224), stored.get(cmu.slideId() + "/" + MOBILENET + "/" + t.index()), 1e-6f,
                            "tile " + t.index());
                }
            }
        }
    }

    @Test
    void aCorruptTileFailsItsSlideByNameAndTheBatchGoesOn() throws Exception {
        Path corrupt = Files.copy(Fixtures.cmu(), tmp.resolve("corrupt-tiles.svs"));
        zeroTileRows(corrupt, 3, 4);
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Fixtures.addBackbone(store, MOBILENET);
            SlideImporter.Report added = SlideImporter.add(store, List.of(Fixtures.entry(corrupt, null),
                    Fixtures.entry(Fixtures.tcga(), 0.5)));
            assertTrue(added.failures().isEmpty(), added.failures().toString());
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(MOBILENET));
            assertEquals(1, report.slidesExtracted());
            assertEquals(1, report.failures().size());
            ExtractionReport.Failure f = report.failures().getFirst();
            assertTrue(f.slide().endsWith("corrupt-tiles.svs"), f.slide());
            assertTrue(f.error().contains("corrupt-tiles.svs") && f.error().matches("(?s).*level 0 tile \\(\\d, [34]\\).*"), f.error());
        }
    }

    /**
     * Zeroes everything but the SOI marker of the level-0 tiles in rows {@code from..to} of CMU-1-Small-Region
     * (10 x 13 tiles of 240 px; the check at open reads rows 6-7 and 12 only). The tile offsets and byte
     * counts are read from the first directory (classic little-endian TIFF, tags 324 and 325 as LONG arrays).
     */
    private static void zeroTileRows(Path svs, int from, int to) throws Exception {
        try (FileChannel ch = FileChannel.open(svs, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long ifd = read(ch, 4, 4).getInt() & 0xFFFFFFFFL;
            int entries = read(ch, ifd, 2).getShort() & 0xFFFF;
            long offsets = 0;
            long counts = 0;
            for (int i = 0; i < entries; i++) {
                ByteBuffer e = read(ch, ifd + 2 + 12L * i, 12);
                int tag = e.getShort(0) & 0xFFFF;
                if (tag == 324) {
                    offsets = e.getInt(8) & 0xFFFFFFFFL;
                } else if (tag == 325) {
                    counts = e.getInt(8) & 0xFFFFFFFFL;
                }
            }
            for (int tile = from * 10; tile < (to + 1) * 10; tile++) {
                long at = read(ch, offsets + 4L * tile, 4).getInt() & 0xFFFFFFFFL;
                int n = read(ch, counts + 4L * tile, 4).getInt();
                ch.write(ByteBuffer.allocate(n - 2), at + 2);
            }
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(b, at);
        return b.flip();
    }
}
