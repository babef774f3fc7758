package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.testkit.Shared;

class SharpnessTest {
    private static BufferedImage region(long x, long y) throws Exception {
        try (Slide slide = Slides.open(Shared.path("slides/CMU-1-Small-Region.svs"))) {
            return slide.readRegion(x, y, 0, 224, 224);
        }
    }

    /**
     * Reference: /usr/bin/python3 with Debian's python3-openslide 1.2.0 and python3-scipy 1.10.1 on the same
     * 224 px level-0 regions of CMU-1-Small-Region.svs: grey = (R*4899 + G*9617 + B*1868 + 8192) >> 14 (OpenCV's
     * RGB2GRAY), then ndimage.convolve(grey, [[0,1,0],[1,-4,1],[0,1,0]], mode='mirror') (OpenCV's default border,
     * reflect-101), then .var(). This is cv2.Laplacian(gray, cv2.CV_64F).var(), EMO's measure.
     */
    @Test
    void equalsScipyOnRealRegions() throws Exception {
        assertEquals(2410.7435833642207, Sharpness.of(region(1000, 1200)), 1e-9);
        assertEquals(86.77512964592631, Sharpness.of(region(600, 1600)), 1e-9);
    }

    @Test
    void fallsMonotonicallyWithGaussianBlur() throws Exception {
        BufferedImage tile = region(1000, 1200);
        double previous = Sharpness.of(tile);
        for (double sigma : new double[] {0.5, 1, 1.5, 2, 3, 4, 6}) {
            double s = Sharpness.of(GaussianBlur.apply(tile, sigma));
            assertTrue(s < previous, "sigma " + sigma + ": " + s + " is not below " + previous);
            previous = s;
        }
        assertTrue(previous < Sharpness.DEFAULT_MIN, "a tile blurred with sigma 6 px is still above the default threshold: " + previous);
    }

    @Test
    void aUniformTileHasNoSharpness() {
        BufferedImage flat = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        assertEquals(0, Sharpness.of(flat));
    }
}
