package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Synthetic slides: stain-coloured blobs are tissue; pen strokes and bare glass are not. */
class TissueDetectorInkTest {

    /** White glass (245,245,245) with a pink and a purple blob and blue, green and black pen strokes. */
    private static BufferedImage slide() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(225, 140, 190)); // eosin pink
        g.fillOval(20, 20, 120, 100);
        g.setColor(new Color(110, 80, 160)); // haematoxylin purple
        g.fillOval(20, 160, 120, 100);
        g.setColor(new Color(40, 60, 200)); // blue marker
        g.fillRect(200, 20, 160, 30);
        g.setColor(new Color(40, 160, 80)); // green marker
        g.fillRect(200, 120, 160, 30);
        g.setColor(new Color(25, 25, 30)); // black marker
        g.fillRect(200, 220, 160, 30);
        g.dispose();
        return img;
    }

    @Test
    void stainedBlobsAreTissue() {
        TissueMask mask = new TissueDetector(TissueOptions.FINE).detect(slide(), 1.0);
        assertTrue(mask.isTissue(80, 70), "pink blob");
        assertTrue(mask.isTissue(80, 210), "purple blob");
        // each blob is an ellipse of pi*60*50 = 9425 px: the rectangle around the pink one is ~78% tissue
        assertEquals(Math.PI / 4, mask.fraction(20, 20, 120, 100), 0.03);
    }

    @Test
    void blueGreenAndBlackPenAreRejected() {
        TissueMask mask = new TissueDetector(TissueOptions.FINE).detect(slide(), 1.0);
        assertEquals(0.0, mask.fraction(200, 20, 160, 30), 1e-12, "blue stroke");
        assertEquals(0.0, mask.fraction(200, 120, 160, 30), 1e-12, "green stroke");
        assertEquals(0.0, mask.fraction(200, 220, 160, 30), 1e-12, "black stroke");
    }

    @Test
    void penIsKeptWhenInkRejectionIsOff() {
        TissueOptions keepInk = new TissueOptions(2048, 7, 20, 3, 2, 100, 10000, false);
        TissueMask mask = new TissueDetector(keepInk).detect(slide(), 1.0);
        assertTrue(mask.isTissue(280, 35), "blue stroke is saturated, so tissue without the ink rules");
    }

    @Test
    void bareGlassHasNoTissue() {
        BufferedImage glass = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int r = 236 + random.nextInt(10);
                int g = 236 + random.nextInt(10);
                int b = 236 + random.nextInt(10);
                glass.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        TissueMask mask = new TissueDetector(TissueOptions.FINE).detect(glass, 4.0);
        assertEquals(0, mask.tissuePixels(), "saturation never exceeds the floor of 20 on grey glass");
        assertFalse(mask.isTissueAt(400, 400));
    }
}
