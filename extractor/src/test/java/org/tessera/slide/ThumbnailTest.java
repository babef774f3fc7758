package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * Whole-slide thumbnails against PIL's box filter, which averages the same source blocks
 * (round(i * n / m) .. round((i + 1) * n / m)). References, {@code /usr/bin/python3}, PIL 9.4:
 * the level is read with ONE {@code openslide_read_region(osr, buf, 0, 0, LEVEL, W, H)} call through ctypes on
 * libopenslide.so.0 and composited over white as {@code c + 255 - a} (premul.py in {@link OpenSlideSlidePixelsTest}),
 * then
 * {@code np.asarray(Image.fromarray(rgb).resize((TW, TH), Image.BOX))}; for B4.jpg,
 * {@code Image.open("B4.jpg").convert("RGB").resize((478, 512), Image.BOX)}.
 * PIL rounds between its horizontal and vertical passes, so pixels may differ by 1 (measured over the whole
 * thumbnail: mean absolute difference 0.067 for CMU, 0.057 for B4, max 1).
 */
class ThumbnailTest {

    private static void assertNear(int expected, int actual) {
        assertTrue(Pixels.channelDistance(expected, actual) <= 1,
                String.format("expected 0x%06X, got 0x%06X", expected, actual));
    }

    private static void assertMeanNear(double[] expected, BufferedImage image, double tolerance) {
        double[] mean = Pixels.mean(image);
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], mean[c], tolerance, "channel " + c);
        }
    }

    @Test
    void cmuThumbnailAveragesLevel0Blocks() throws Exception {
        // CMU level 0 2220x2967 -> 383x512; px(0,0)=0xCAA3BB (191,256)=0x623467 (100,300)=0xF6F3F3
        // (200,100)=0x241030 (382,511)=0xF6F6F6; mean (214.104, 194.899, 207.991)
        try (Slide slide = Slides.open(OpenSlideSlideMetadataTest.cmu())) {
            BufferedImage t = slide.thumbnail(512);
            assertEquals(BufferedImage.TYPE_INT_RGB, t.getType());
            assertEquals(383, t.getWidth());
            assertEquals(512, t.getHeight());
            assertNear(0xCAA3BB, Pixels.rgb(t, 0, 0));
            assertNear(0x623467, Pixels.rgb(t, 191, 256));
            assertNear(0xF6F3F3, Pixels.rgb(t, 100, 300));
            assertNear(0x241030, Pixels.rgb(t, 200, 100));
            assertNear(0xF6F6F6, Pixels.rgb(t, 382, 511));
            assertMeanNear(new double[] {214.104, 194.899, 207.991}, t, 0.2);
        }
    }

    @Test
    void tcgaThumbnailReadsTheSmallestLevelStillLargeEnough() throws Exception {
        // TCGA level 1 2221x1783 -> 1000x803; px(500,401)=0xD99EBE (100,300)=0xF1ECEF (0,0)=0xFFFFFF;
        // mean (217.651, 158.561, 188.443). PIL's float box bounds drift by one source column at a few
        // block edges (column 499), hence the wider tolerance on the mean.
        try (Slide slide = Slides.open(OpenSlideSlideMetadataTest.tcga())) {
            assertEquals(1, Thumbnails.levelFor(slide, 1000));
            assertEquals(1, Thumbnails.levelFor(slide, 2221));
            assertEquals(0, Thumbnails.levelFor(slide, 2222));
            BufferedImage t = slide.thumbnail(1000);
            assertEquals(1000, t.getWidth());
            assertEquals(803, t.getHeight());
            assertNear(0xD99EBE, Pixels.rgb(t, 500, 401));
            assertNear(0xF1ECEF, Pixels.rgb(t, 100, 300));
            assertEquals(0xFFFFFF, Pixels.rgb(t, 0, 0));
            assertMeanNear(new double[] {217.651, 158.561, 188.443}, t, 0.5);
        }
    }

    @Test
    void imageThumbnailMatchesPilBox() throws Exception {
        // B4.jpg 9272x9923 -> 478x512; px(0,0)=0xDDD0E2 (239,256)=0xD6BCD6 (100,300)=0xCBAFCF (200,100)=0xDBD1E2
        // (477,511)=0xD8D0DD; mean (205.410, 189.057, 212.039)
        try (Slide slide = Slides.open(ImageSlideTest.b4())) {
            BufferedImage t = slide.thumbnail(512);
            assertEquals(478, t.getWidth());
            assertEquals(512, t.getHeight());
            assertNear(0xDDD0E2, Pixels.rgb(t, 0, 0));
            assertNear(0xD6BCD6, Pixels.rgb(t, 239, 256));
            assertNear(0xCBAFCF, Pixels.rgb(t, 100, 300));
            assertNear(0xDBD1E2, Pixels.rgb(t, 200, 100));
            assertNear(0xD8D0DD, Pixels.rgb(t, 477, 511));
            assertMeanNear(new double[] {205.410, 189.057, 212.039}, t, 0.1);
        }
    }

    /**
     * A plain image's thumbnail is summed from its decoded pixels directly: the same pixels as through strips. C3 is
     * 9270 px wide, so a row's 27810 bytes end in two that are not a whole long; at 16 px a block spans 621 rows,
     * more than the 256 that the 16-bit sums take before they are spread.
     */
    @Test
    void plainImageThumbnailEqualsTheStripThumbnail() throws Exception {
        Path c3 = Shared.path("her2st/images/C3.jpg");
        try (Slide slide = Slides.open(c3); DecodedImage imageIo = DecodedImage.decode(c3, slide.levelDimensions(0))) {
            assertEquals("turbojpeg", slide.reader());
            assertEquals(9270, slide.levelDimensions(0).width());
            for (int side : new int[] {1024, 333, 16}) {
                int[] strips = Argb.pixels(Thumbnails.of(slide, side));
                assertArrayEquals(strips, Argb.pixels(slide.thumbnail(side)), "libjpeg-turbo, side " + side);
                assertArrayEquals(strips, Argb.pixels(Thumbnails.of(imageIo, side)), "ImageIO, side " + side);
            }
        }
    }

    /** Likewise for an image held as ints (grey, here). */
    @Test
    void greyImageThumbnailEqualsTheStripThumbnail(@TempDir Path dir) throws Exception {
        BufferedImage grey = new BufferedImage(301, 157, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                grey.getRaster().setSample(x, y, 0, (x * 7 + y * 13) % 256);
            }
        }
        Path png = dir.resolve("grey.png");
        ImageIO.write(grey, "png", png.toFile());
        try (Slide slide = Slides.open(png)) {
            assertEquals("imageio", slide.reader());
            assertArrayEquals(Argb.pixels(Thumbnails.of(slide, 64)), Argb.pixels(slide.thumbnail(64)));
        }
    }

    @Test
    void thumbnailNeverUpscales() throws Exception {
        Path tcga = OpenSlideSlideMetadataTest.tcga();
        try (Slide slide = Slides.open(tcga)) {
            BufferedImage t = slide.thumbnail(10_000);
            assertEquals(4443, t.getWidth());
            assertEquals(3567, t.getHeight());
            assertThrows(IllegalArgumentException.class, () -> slide.thumbnail(0));
        }
    }
}
