package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.tessera.tiling.Thumbnail;

/**
 * The fast detector's masks equal, bit for bit, those of the code it replaced ({@link TissueReference}) on
 * real thumbnails, with the default settings and with {@link TissueOptions#FINE} (median 7, disks 3 and 2).
 */
class TissueDetectorReferenceTest {

    @Test
    void her2stSectionMasksEqualTheReference() throws IOException {
        assertSameMasks(RealThumbnails.read(RealThumbnails.C3));
    }

    @Test
    void aperioSlideMasksEqualTheReference() throws IOException {
        assertSameMasks(RealThumbnails.read(RealThumbnails.CMU));
    }

    @Test
    void her2stMedianEqualsTheBruteForceMedian() throws IOException {
        BufferedImage image = RealThumbnails.read(RealThumbnails.C3).image();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] saturation = TissueReference.saturation(image.getRGB(0, 0, w, h, null, 0, w));
        int k = TissueOptions.DEFAULT.medianKernel();
        assertArrayEquals(TissueReference.median(saturation, w, h, k), SaturationImage.median(saturation, w, h, k));
    }

    @Test
    void thumbnailsNotStoredAsIntRgbGiveTheSameMask() throws IOException {
        BufferedImage rgb = RealThumbnails.read(RealThumbnails.C3).image();
        BufferedImage bgr = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(rgb, 0, 0, null);
        BufferedImage cropped = rgb.getSubimage(1, 2, rgb.getWidth() - 3, rgb.getHeight() - 5);
        TissueDetector detector = new TissueDetector();
        for (BufferedImage image : new BufferedImage[] {bgr, cropped}) {
            assertEquals(TissueReference.detect(image, TissueOptions.DEFAULT),
                    detector.detect(image, 1.0).toBitSet());
        }
    }

    private static void assertSameMasks(Thumbnail thumbnail) {
        for (TissueOptions options : new TissueOptions[] {TissueOptions.DEFAULT, TissueOptions.FINE}) {
            BitSet expected = TissueReference.detect(thumbnail.image(), options);
            TissueMask mask = new TissueDetector(options).detect(thumbnail.image(), thumbnail.downsample());
            assertTrue(expected.cardinality() > 0.05 * mask.width() * mask.height(), "the thumbnail shows tissue");
            assertEquals(expected, mask.toBitSet(), options.toString());
            assertEquals(expected.cardinality(), mask.tissuePixels(), "the summed-area table's total");
        }
    }
}
