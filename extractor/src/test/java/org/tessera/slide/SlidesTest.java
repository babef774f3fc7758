package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing the reader by content, and the errors for files that are not (or no longer) slides. The damaged
 * copies behave like this with OpenSlide's tools: {@code head -c $((1938955*60/100)) CMU-1-Small-Region.svs >
 * trunc60.svs; openslide-show-properties trunc60.svs} prints "Not a file that OpenSlide can recognize" (the
 * TIFF directories are at the end of the file); with bytes 30%..60% zeroed instead, OpenSlide opens the file and
 * {@code openslide_read_region} of the whole level sets the error "Not a JPEG file: starts with 0x00 0x00".
 */
class SlidesTest {

    @Test
    void readerIsChosenByContentNotByName(@TempDir Path dir) throws Exception {
        Path jpegNamedSvs = Files.copy(ImageSlideTest.b4(), dir.resolve("section.svs"));
        Path svsNamedJpeg = Files.copy(OpenSlideSlideMetadataTest.cmu(), dir.resolve("slide.jpg"));
        try (Slide jpeg = Slides.open(jpegNamedSvs); Slide svs = Slides.open(svsNamedJpeg)) {
            assertInstanceOf(ImageSlide.class, jpeg);
            assertInstanceOf(DirectJpegSlide.class, svs);
            assertEquals("aperio", svs.vendor());
        }
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.svs");
        SlideException e = assertThrows(SlideException.class, () -> Slides.open(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals(missing, e.path());
    }

    @Test
    void textFileIsNotASlide(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.svs"), "tumour margin looks clear\n");
        SlideException e = assertThrows(SlideException.class, () -> Slides.open(text));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a slide: neither OpenSlide nor ImageIO recognises its content"),
                e.getMessage());
    }

    @Test
    void directoryIsNotASlide(@TempDir Path dir) {
        SlideException e = assertThrows(SlideException.class, () -> Slides.open(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void truncatedSvsFailsWithSlideExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(OpenSlideSlideMetadataTest.cmu());
        Path truncated = Files.write(dir.resolve("truncated.svs"), Arrays.copyOf(bytes, bytes.length * 60 / 100));
        SlideException e = assertThrows(SlideException.class, () -> {
            try (Slide slide = Slides.open(truncated)) {
                slide.readRegion(0, 0, 0, 2220, 2967);
            }
        });
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
    }

    @Test
    void truncatedSvsIsRefusedByOpenSlideAtOpen(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(OpenSlideSlideMetadataTest.cmu());
        Path truncated = Files.write(dir.resolve("truncated.svs"), Arrays.copyOf(bytes, bytes.length * 60 / 100));
        SlideException e = assertThrows(SlideException.class,
                () -> OpenSlideSlide.open(truncated, java.util.OptionalDouble.empty()));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("OpenSlide does not recognise"), e.getMessage());
    }

    @Test
    void corruptTileDataFailsAtReadTimeNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(OpenSlideSlideMetadataTest.cmu());
        Arrays.fill(bytes, bytes.length * 30 / 100, bytes.length * 60 / 100, (byte) 0);
        Path corrupt = Files.write(dir.resolve("corrupt.svs"), bytes);
        try (Slide slide = Slides.open(corrupt)) {
            assertInstanceOf(OpenSlideSlide.class, slide);
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 2220, 2967));
            assertTrue(e.getMessage().startsWith(corrupt.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("Not a JPEG file"), e.getMessage());
        }
    }
}
