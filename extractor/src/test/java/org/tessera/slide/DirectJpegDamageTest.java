package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged tile data through the direct reader: libjpeg-turbo writes straight into Java arrays, so whatever the
 * bytes, a read must give pixels (libjpeg's "corrupt data" warnings keep them, as libtiff and OpenSlide do) or a
 * {@link SlideException} naming the file and the tile, and never harm the JVM.
 */
class DirectJpegDamageTest {

    @Test
    void randomlyDamagedTilesGivePixelsOrAnErrorNamingTheTile(@TempDir Path dir) throws Exception {
        Path damaged = Files.copy(OpenSlideSlideMetadataTest.cmu(), dir.resolve("damaged.svs"));
        Random random = new Random(12);
        // rows 0-4 of the 10 x 13 tiles (the check at open reads rows 6, 7 and 12)
        try (TiffFile tiff = TiffFile.open(damaged); FileChannel ch = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            TiffDirectory level0 = tiff.directories().getFirst();
            for (int tile = 0; tile < 50; tile++) {
                long offset = level0.tileOffsets()[tile];
                int count = (int) level0.tileByteCounts()[tile];
                for (int k = 0; k < 1 + tile % 8; k++) {
                    // the first tiles get their headers hit, the later ones their entropy-coded data
                    int at = tile < 20 ? 2 + random.nextInt(Math.min(count - 2, 64)) : 2 + random.nextInt(count - 2);
                    ch.write(ByteBuffer.wrap(new byte[] {(byte) random.nextInt(256)}), offset + at);
                }
            }
        }
        int read = 0;
        int failed = 0;
        try (Slide slide = Slides.open(damaged)) {
            assertEquals("direct-jpeg", slide.reader());
            for (int tile = 0; tile < 50; tile++) {
                int col = tile % 10;
                int row = tile / 10;
                try {
                    slide.readRegion(col * 240L, row * 240L, 0, 240, 240);
                    read++;
                } catch (SlideException e) {
                    assertTrue(e.getMessage().startsWith(damaged + ": level 0 tile (" + col + ", " + row + ")"), e.getMessage());
                    failed++;
                }
            }
            slide.readRegion(5 * 240L, 6 * 240L, 0, 240, 240); // undamaged tiles still read
        }
        assertEquals(50, read + failed);
        assertTrue(read > 0 && failed > 0, read + " read, " + failed + " failed: both kinds of damage should occur");
    }
}
