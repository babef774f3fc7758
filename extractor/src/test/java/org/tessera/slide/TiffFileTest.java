package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TIFF directory parser. References: {@code file} (5.44) on the slides prints "width=2220, height=2967,
 * compression=JPEG, PhotometricInterpretation=RGB" for CMU-1-Small-Region.svs and "compression=(unknown 0x80ed)"
 * (33005) for TCGA-CR-7395-01A-01-TS1.svs; {@code vips tiffload <slide> out.v --page N} then {@code vipsheader}
 * lists the directories: CMU 2220x2967, 574x768, 387x463, 1280x431 (no page 4); TCGA 4443x3567, 956x768,
 * 2221x1783 (no page 3). Tile sizes come from OpenSlide's {@code openslide.level[0].tile-width/-height}.
 */
class TiffFileTest {

    @Test
    void cmuDirectoriesMatchFileAndVips() throws Exception {
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        try (TiffFile tiff = TiffFile.open(cmu); OpenSlideSlide reference = OpenSlideSlide.open(cmu, OptionalDouble.empty())) {
            List<TiffDirectory> dirs = tiff.directories();
            assertEquals(4, dirs.size());
            long[][] sizes = {{2220, 2967}, {574, 768}, {387, 463}, {1280, 431}};
            for (int i = 0; i < sizes.length; i++) {
                assertArrayEquals(sizes[i], new long[] {dirs.get(i).width(), dirs.get(i).length()}, "directory " + i);
            }
            TiffDirectory level0 = dirs.getFirst();
            assertEquals(Integer.parseInt(reference.properties().get("openslide.level[0].tile-width")), level0.tileWidth());
            assertEquals(Integer.parseInt(reference.properties().get("openslide.level[0].tile-height")), level0.tileLength());
            assertEquals(TiffDirectory.COMPRESSION_JPEG, level0.compression());
            assertEquals(TiffDirectory.PHOTOMETRIC_RGB, level0.photometric());
            assertEquals(3, level0.samplesPerPixel());
            assertEquals(1, level0.planarConfig());
            assertEquals(10 * 13, level0.tileOffsets().length);
            assertEquals("", level0.directReaderProblem());
            assertFalse(dirs.get(1).tiled(), "the thumbnail is stored in strips");
            for (int i = 0; i < level0.tileOffsets().length; i++) {
                assertTrue(level0.tileByteCounts()[i] > 0);
                byte[] tile = tiff.tileBytes(level0, i, "tile " + i);
                assertEquals(0xFFD8, (tile[0] & 0xFF) << 8 | (tile[1] & 0xFF), "tile " + i + " starts with SOI");
            }
        }
    }

    @Test
    void jpeg2000DirectoryIsNotForTheDirectReader() throws Exception {
        try (TiffFile tiff = TiffFile.open(OpenSlideSlideMetadataTest.tcga())) {
            assertEquals(3, tiff.directories().size());
            assertEquals(33005, tiff.directories().getFirst().compression());
            assertEquals("compression 33005 is not JPEG (7)", tiff.directories().getFirst().directReaderProblem());
            assertEquals(2221, tiff.directories().get(2).width());
        }
    }

    @Test
    void notATiffIsNamed() {
        Path jpeg = ImageSlideTest.b4();
        SlideException e = assertThrows(SlideException.class, () -> TiffFile.open(jpeg));
        assertEquals(jpeg + ": not a TIFF file: byte order mark is not II or MM", e.getMessage());
    }

    @Test
    void truncatedFileIsNamed(@TempDir Path dir) throws Exception {
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(OpenSlideSlideMetadataTest.cmu())) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        Path truncated = Files.write(dir.resolve("truncated.svs"), head);
        SlideException e = assertThrows(SlideException.class, () -> TiffFile.open(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("outside the file (4096 bytes)"), e.getMessage());
    }

    @Test
    void directoryChainThatLoopsIsRejected(@TempDir Path dir) throws Exception {
        // II, 42, first IFD at 8; the IFD: ImageWidth and ImageLength (SHORT, 16), next IFD = 8 again
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 256).putShort((short) 3).putInt(1).putInt(16);
        b.putShort((short) 257).putShort((short) 3).putInt(1).putInt(16);
        b.putInt(8);
        Path loop = Files.write(dir.resolve("loop.tif"), b.array());
        SlideException e = assertThrows(SlideException.class, () -> TiffFile.open(loop));
        assertEquals(loop + ": TIFF directory chain loops back to offset 8", e.getMessage());
    }

    /** Random byte changes in the header and first directory: a SlideException naming the file, or a parse. */
    @Test
    void damagedDirectoriesGiveSlideExceptionsOnly(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(OpenSlideSlideMetadataTest.cmu(), dir.resolve("fuzzed.svs"));
        long firstIfd;
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            firstIfd = head.getInt(4) & 0xFFFFFFFFL;
        }
        Random random = new Random(9);
        int parsed = 0;
        int rejected = 0;
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int round = 0; round < 400; round++) {
                long at = round % 10 == 0 ? random.nextInt(8) : firstIfd + random.nextInt(2 + 20 * 12 + 4);
                ByteBuffer original = ByteBuffer.allocate(1);
                ch.read(original, at);
                ch.write(ByteBuffer.wrap(new byte[] {(byte) random.nextInt(256)}), at);
                try (TiffFile tiff = TiffFile.open(copy)) {
                    parsed += tiff.directories().size() > 0 ? 1 : 0;
                } catch (SlideException e) {
                    assertTrue(e.getMessage().startsWith(copy + ": "), e.getMessage());
                    rejected++;
                }
                ch.write(original.flip(), at);
            }
        }
        assertEquals(400, parsed + rejected);
        assertTrue(rejected > 20, "some changes must be caught: " + rejected);
    }
}
