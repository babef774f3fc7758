package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * libjpeg-turbo against ImageIO, the reference, on every HER2ST section: the whole decoded image must be equal
 * byte for byte, or plain JPEGs must stay on ImageIO.
 */
class JpegImagesTest {

    private static final List<String> SECTIONS = List.of("B4", "C2", "C3", "C4", "C5", "C6");

    @Test
    void her2stSectionsDecodeExactlyAsImageIo() throws Exception {
        for (String name : SECTIONS) {
            Path path = Shared.path("her2st/images/" + name + ".jpg");
            Dimensions d;
            try (Slide slide = Slides.open(path)) {
                assertEquals("turbojpeg", slide.reader(), name);
                d = slide.levelDimensions(0);
            }
            try (DecodedImage turbo = JpegImages.decode(path, d); DecodedImage imageIo = DecodedImage.decode(path, d)) {
                int w = (int) d.width();
                int rows = 256;
                int[] a = new int[w * rows];
                int[] b = new int[w * rows];
                for (int y = 0; y < d.height(); y += rows) {
                    turbo.copyTo(0, y, a, w, rows, 0);
                    imageIo.copyTo(0, y, b, w, rows, 0);
                    int i = Arrays.mismatch(a, b);
                    int row = y;
                    assertEquals(-1, i, () -> name + ": pixel (" + i % w + ", " + (row + i / w) + ") differs from ImageIO's");
                }
            }
        }
    }

    @Test
    void otherImagesStayOnImageIo(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path grey = dir.resolve("grey.jpg");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY), "jpeg", grey.toFile());
        try (Slide p = Slides.open(png); Slide g = Slides.open(grey)) {
            assertEquals("imageio", p.reader());
            assertEquals("imageio", g.reader());
        }
    }

    @Test
    void iccProfileBeforeTheScanIsFound() {
        byte[] icc = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        byte[] withProfile = new byte[2 + 4 + 16 + 4 + icc.length + 2 + 2];
        int at = 0;
        for (int b : new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0, 18}) { // SOI, APP0 of 16 payload bytes
            withProfile[at++] = (byte) b;
        }
        at += 16;
        for (int b : new int[] {0xFF, 0xE2, 0, 2 + icc.length + 2}) { // APP2 "ICC_PROFILE\0" + 2 bytes
            withProfile[at++] = (byte) b;
        }
        System.arraycopy(icc, 0, withProfile, at, icc.length);
        assertTrue(JpegImages.hasIccProfile(withProfile));
        byte[] otherApp2 = withProfile.clone();
        otherApp2[2 + 4 + 16 + 4] = 'X';
        assertFalse(JpegImages.hasIccProfile(otherApp2));
    }
}
