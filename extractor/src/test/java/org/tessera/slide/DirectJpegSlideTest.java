package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct JPEG tile reader against OpenSlide itself, the reference: every region compared is read from the
 * same file through {@link OpenSlideSlide} in the same test, and must be equal int for int.
 */
class DirectJpegSlideTest {

    /** Reads the region through both and asserts identical pixels. */
    private static void assertSame(Slide direct, OpenSlideSlide reference, long x, long y, int level, int w, int h)
            throws Exception {
        int[] expected = Argb.pixels(reference.readRegion(x, y, level, w, h));
        int[] actual = Argb.pixels(direct.readRegion(x, y, level, w, h));
        int i = Arrays.mismatch(expected, actual);
        assertEquals(-1, i, () -> direct.path() + " region x=" + x + " y=" + y + " level=" + level + " " + w + "x" + h
                + " differs at pixel (" + i % w + ", " + i / w + ")");
    }

    /** Every stored tile aligned, a grid of unaligned 224 px patches, and regions over every edge, at every level. */
    private static void assertSameEverywhere(Path path) throws Exception {
        try (Slide direct = Slides.open(path); OpenSlideSlide reference = OpenSlideSlide.open(path, OptionalDouble.empty())) {
            assertInstanceOf(DirectJpegSlide.class, direct);
            assertEquals("direct-jpeg", direct.reader());
            for (int level = 0; level < direct.levelCount(); level++) {
                Dimensions d = direct.levelDimensions(level);
                long ds = Math.round(direct.levelDownsample(level));
                int tile = Integer.parseInt(reference.properties().get("openslide.level[" + level + "].tile-width"));
                for (long ty = 0; ty < d.height(); ty += tile) {
                    for (long tx = 0; tx < d.width(); tx += tile) {
                        assertSame(direct, reference, tx * ds, ty * ds, level, tile, tile);
                    }
                }
                for (long py = -37; py < d.height(); py += 224 + 61) {
                    for (long px = -13; px < d.width(); px += 224 + 45) {
                        assertSame(direct, reference, px * ds, py * ds, level, 224, 224);
                    }
                }
                assertSame(direct, reference, (d.width() - 100) * ds, (d.height() - 50) * ds, level, 300, 200);
                assertSame(direct, reference, -20 * ds, -30 * ds, level, (int) Math.min(d.width() + 40, 4000), 100);
            }
        }
    }

    @Test
    void cmuRgbTilesEqualOpenSlideEverywhere() throws Exception {
        assertSameEverywhere(OpenSlideSlideMetadataTest.cmu());
    }

    @Test
    void vipsYcbcrPyramidEqualsOpenSlideEverywhere(@TempDir Path dir) throws Exception {
        // 3840 x 2880 halves exactly down to 240 x 180, so every level is read directly, not resampled by OpenSlide.
        Path tif = Vips.pyramid(ImageSlideTest.b4(), dir, "ycbcr", 2000, 2000, 3840, 2880,
                "--compression", "jpeg", "--tile-width", "240", "--tile-height", "240");
        try (Slide slide = Slides.open(tif)) {
            assertEquals("generic-tiff", slide.vendor());
            assertEquals(5, slide.levelCount());
        }
        try (TiffFile tiff = TiffFile.open(tif)) {
            assertEquals(TiffDirectory.PHOTOMETRIC_YCBCR, tiff.directories().getFirst().photometric());
            assertTrue(tiff.directories().getFirst().jpegTables().length > 0, "vips writes shared JPEGTables");
        }
        assertSameEverywhere(tif);
    }

    @Test
    void vipsBigTiffEqualsOpenSlideEverywhere(@TempDir Path dir) throws Exception {
        // A size that does not halve evenly: reduced levels are read directly where the position is a whole
        // pixel of the level, and handed to OpenSlide (which resamples) where it is not.
        Path tif = Vips.pyramid(ImageSlideTest.b4(), dir, "big", 1500, 3000, 2701, 1999,
                "--compression", "jpeg", "--tile-width", "256", "--tile-height", "256", "--bigtiff");
        try (FileChannel ch = FileChannel.open(tif, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            ch.read(head, 0);
            assertEquals(43, head.get(2) | head.get(3), "BigTIFF version 43");
        }
        assertSameEverywhere(tif);
    }

    @Test
    void patchOverFourStoredTilesDecodesEachOnce() throws Exception {
        try (Slide slide = Slides.open(OpenSlideSlideMetadataTest.cmu())) {
            DirectJpegSlide direct = assertInstanceOf(DirectJpegSlide.class, slide);
            long before = direct.tilesDecoded();
            // tiles (7..8, 2..3) of 240 px
            direct.readRegion(7 * 240 + 100, 2 * 240 + 100, 0, 224, 224);
            assertEquals(4, direct.tilesDecoded() - before);
            direct.readRegion(7 * 240 + 110, 2 * 240 + 90, 0, 224, 224);
            assertEquals(4, direct.tilesDecoded() - before, "the neighbouring patch reuses the cached tiles");
            assertEquals(0, direct.readsDelegated());
        }
    }

    @Test
    void jpeg2000AndDeflateStayOnOpenSlide(@TempDir Path dir) throws Exception {
        Path deflate = Vips.pyramid(ImageSlideTest.b4(), dir, "deflate", 2000, 2000, 1024, 768,
                "--compression", "deflate", "--tile-width", "256", "--tile-height", "256");
        try (Slide tcga = Slides.open(OpenSlideSlideMetadataTest.tcga()); Slide flate = Slides.open(deflate)) {
            assertInstanceOf(OpenSlideSlide.class, tcga);
            assertEquals("openslide", tcga.reader());
            assertInstanceOf(OpenSlideSlide.class, flate);
            assertEquals("generic-tiff", flate.vendor());
        }
    }

    @Test
    void corruptTileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path corrupt = Files.copy(OpenSlideSlideMetadataTest.cmu(), dir.resolve("corrupt-tile.svs"));
        int tile = 2 * 10 + 7; // tile (7, 2): 10 tiles across
        try (TiffFile tiff = TiffFile.open(corrupt); FileChannel ch = FileChannel.open(corrupt, StandardOpenOption.WRITE)) {
            TiffDirectory level0 = tiff.directories().getFirst();
            assertEquals(10, level0.tilesAcross());
            // keep the SOI marker, zero the rest: libjpeg finds no frame header
            ch.write(ByteBuffer.allocate((int) level0.tileByteCounts()[tile] - 2), level0.tileOffsets()[tile] + 2);
        }
        try (Slide slide = Slides.open(corrupt)) {
            assertEquals("direct-jpeg", slide.reader());
            slide.readRegion(0, 0, 0, 224, 224); // other tiles still read
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(7 * 240 + 10, 2 * 240 + 10, 0, 224, 224));
            assertTrue(e.getMessage().startsWith(corrupt.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("level 0 tile (7, 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot decode the JPEG data"), e.getMessage());
        }
    }

    @Test
    void concurrentReadsEqualOpenSlide() throws Exception {
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        try (Slide direct = Slides.open(cmu); OpenSlideSlide reference = OpenSlideSlide.open(cmu, OptionalDouble.empty())) {
            List<long[]> patches = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                patches.add(new long[] {(i * 613L) % 2100 - 20, (i * 397L) % 2850 - 20});
            }
            List<int[]> expected = new ArrayList<>();
            for (long[] p : patches) {
                expected.add(Argb.pixels(reference.readRegion(p[0], p[1], 0, 224, 224)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> futures = new ArrayList<>();
                for (long[] p : patches) {
                    futures.add(pool.submit(() -> Argb.pixels(direct.readRegion(p[0], p[1], 0, 224, 224))));
                }
                for (int i = 0; i < patches.size(); i++) {
                    assertArrayEquals(expected.get(i), futures.get(i).get(), "patch " + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void damagedTileInTheCheckAtOpenFallsBackToAFreshOpenSlideHandle(@TempDir Path dir) throws Exception {
        Path damaged = Files.copy(OpenSlideSlideMetadataTest.cmu(), dir.resolve("damaged-centre.svs"));
        int centre = 6 * 10 + 5; // tile (5, 6), the check's aligned tile
        try (TiffFile tiff = TiffFile.open(damaged); FileChannel ch = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            TiffDirectory level0 = tiff.directories().getFirst();
            ch.write(ByteBuffer.allocate((int) level0.tileByteCounts()[centre] - 2), level0.tileOffsets()[centre] + 2);
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try (Slide slide = Slides.open(damaged)) {
            System.setErr(stderr);
            assertEquals("openslide", slide.reader());
            String message = said.toString(StandardCharsets.UTF_8);
            assertTrue(message.startsWith("tessera: " + damaged + ": the direct JPEG tile reader does not match OpenSlide "
                    + "(region x=1200 y=1440 level=0 240x240: "), message);
            assertEquals(1, message.lines().count(), message);
            slide.readRegion(0, 0, 0, 224, 224); // the rest of the slide still reads: a fresh handle
            assertThrows(SlideException.class, () -> slide.readRegion(1200, 1440, 0, 240, 240));
        } finally {
            System.setErr(stderr);
        }
    }
}
