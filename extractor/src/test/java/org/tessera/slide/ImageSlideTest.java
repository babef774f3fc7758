package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * A HER2ST JPEG as a one-level slide. References: {@code sha256sum /work/shared/her2st/images/B4.jpg} gives
 * 3cb165614ce2a13426381e450220dccac980cc9bda6a90fb041c28ca0e2c753d; in {@code /usr/bin/python3} with PIL 9.4
 * (libjpeg-turbo): {@code a = np.asarray(Image.open("B4.jpg").convert("RGB"))} is 9272x9923 and gives
 * a[0,0] = 0xDDD0E2, a[5000,4000] = 0xBDA3C6, a[9922,9271] = 0xD8D0DD, a[8765,1234] = 0x1C1A59, and
 * {@code a[5000:5100, 4000:4128]} has sha256 865907c8f007c8732f882108075304ded9ffd0b238608f8dee9abd48df832e56.
 */
class ImageSlideTest {

    static Path b4() {
        return Shared.path("her2st/images/B4.jpg");
    }

    @Test
    void jpegOpensAsOneLevelWithHeaderDimensions() throws Exception {
        try (Slide slide = Slides.open(b4())) {
            assertInstanceOf(ImageSlide.class, slide);
            assertEquals("image/jpeg", slide.vendor());
            assertEquals(1, slide.levelCount());
            assertEquals(new Dimensions(9272, 9923), slide.levelDimensions(0));
            assertEquals(1.0, slide.levelDownsample(0));
            assertTrue(slide.associatedImageNames().isEmpty());
            assertEquals("sha256:3cb165614ce2a13426381e450220dccac980cc9bda6a90fb041c28ca0e2c753d", slide.fingerprint());
        }
    }

    @Test
    void fingerprintFollowsContentNotPath(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(b4(), dir.resolve("renamed-section.jpeg"));
        try (Slide original = Slides.open(b4()); Slide renamed = Slides.open(copy)) {
            assertEquals(original.fingerprint(), renamed.fingerprint());
        }
    }

    @Test
    void pixelsAgreeWithPil() throws Exception {
        try (Slide slide = Slides.open(b4())) {
            assertEquals(0xDDD0E2, Pixels.rgb(slide.readRegion(0, 0, 0, 1, 1), 0, 0));
            assertEquals(0xD8D0DD, Pixels.rgb(slide.readRegion(9271, 9922, 0, 1, 1), 0, 0));
            assertEquals(0x1C1A59, Pixels.rgb(slide.readRegion(1234, 8765, 0, 1, 1), 0, 0));
            BufferedImage region = slide.readRegion(4000, 5000, 0, 128, 100);
            assertEquals(0xBDA3C6, Pixels.rgb(region, 0, 0));
            assertEquals("865907c8f007c8732f882108075304ded9ffd0b238608f8dee9abd48df832e56", Pixels.sha256(region));
        }
    }

    @Test
    void regionPastTheEdgeIsWhiteOutside() throws Exception {
        try (Slide slide = Slides.open(b4())) {
            BufferedImage region = slide.readRegion(9270, 9920, 0, 10, 10);
            assertEquals(0xD8D0DD, Pixels.rgb(region, 1, 2));
            assertEquals(0xFFFFFF, Pixels.rgb(region, 2, 2));
            assertEquals(0xFFFFFF, Pixels.rgb(region, 1, 3));
            BufferedImage outside = slide.readRegion(-500, -500, 0, 10, 10);
            assertEquals(0xFFFFFF, Pixels.rgb(outside, 9, 9));
        }
    }

    @Test
    void plainImageHasNoPixelSizeUnlessGiven() throws Exception {
        try (Slide slide = Slides.open(b4())) {
            assertTrue(slide.mpp().isEmpty());
            SlideException e = assertThrows(SlideException.class, slide::requireMpp);
            assertTrue(e.getMessage().contains("--mpp") && e.getMessage().contains("B4.jpg"), e.getMessage());
        }
        try (Slide slide = Slides.open(b4(), OptionalDouble.of(0.69))) {
            assertEquals(0.69, slide.requireMpp());
        }
    }

    @Test
    void readsAfterCloseThrow() throws Exception {
        Slide slide = Slides.open(b4());
        slide.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slide.readRegion(0, 0, 0, 4, 4));
        assertTrue(e.getMessage().contains("B4.jpg"), e.getMessage());
    }

    @Test
    void readsOfDecodedPixelsAfterCloseThrow() throws Exception {
        Slide slide = Slides.open(b4());
        assertEquals("turbojpeg", slide.reader());
        slide.readRegion(4000, 5000, 0, 4, 4); // decodes into native memory
        slide.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slide.readRegion(4000, 5000, 0, 4, 4));
        assertTrue(e.getMessage().contains("B4.jpg"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> slide.thumbnail(100));
    }

    /**
     * Closing while other threads read: each reader stops on an IllegalStateException naming the file (from the
     * slide, or from the memory access it was in when the memory went), the process carries on.
     */
    @Test
    void closingWhileThreadsReadStopsThemCleanly() throws Exception {
        Slide slide = Slides.open(b4());
        slide.readRegion(0, 0, 0, 1, 1);
        CountDownLatch reading = new CountDownLatch(2);
        List<Future<Throwable>> readers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    reading.countDown();
                    try {
                        for (long i = 0; ; i++) {
                            slide.readRegion(i * 97 % 8000, i * 89 % 9000, 0, 512, 512);
                        }
                    } catch (Throwable e) {
                        return e;
                    }
                }));
            }
            reading.await();
            Thread.sleep(50);
            slide.close();
            for (Future<Throwable> reader : readers) {
                Throwable e = reader.get(30, TimeUnit.SECONDS);
                assertInstanceOf(IllegalStateException.class, e);
                assertTrue(e.getMessage().contains("B4.jpg"), e.getMessage());
            }
        }
    }

    @Test
    void onlyLevelZeroExists() throws Exception {
        try (Slide slide = Slides.open(b4())) {
            assertThrows(IllegalArgumentException.class, () -> slide.readRegion(0, 0, 1, 4, 4));
        }
    }
}
