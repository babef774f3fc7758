package org.tessera.tissue;

import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.Objects;

/**
 * Separates stained tissue from glass, pen ink and debris on a slide thumbnail.
 *
 * <p>Method, after CLAM's segmentation (Lu et al. 2021): HSV saturation, median-filtered
 * ({@link TissueOptions#medianKernel()}), thresholded with Otsu's method but never below
 * {@link TissueOptions#minSaturation()}. Saturation rather than optical density because glass is bright and
 * grey while both stains are coloured, so saturation separates them regardless of the scanner's brightness,
 * and because the median filter then removes JPEG and dust noise without moving edges. Pixels that
 * {@link InkRules} calls pen ink or black debris are then cleared; a closing then an opening by small disks
 * smooth the outline, small tissue components are dropped and small holes filled. The steps mirror an
 * independent scipy reference (cited in the tests) one to one.
 *
 * <p>Stateless and thread-safe.
 */
public final class TissueDetector {
    private final TissueOptions options;

    public TissueDetector(TissueOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TissueDetector() {
        this(TissueOptions.DEFAULT);
    }

    public TissueOptions options() {
        return options;
    }

    /**
     * The tissue mask of a thumbnail.
     *
     * @param thumbnail any RGB image of the whole slide (alpha ignored)
     * @param downsample level-0 pixels per thumbnail pixel
     */
    public TissueMask detect(BufferedImage thumbnail, double downsample) {
        Objects.requireNonNull(thumbnail, "thumbnail");
        int w = thumbnail.getWidth();
        int h = thumbnail.getHeight();
        int[] rgb = thumbnail.getRGB(0, 0, w, h, null, 0, w);
        int[] saturation = SaturationImage.median(SaturationImage.of(rgb), w, h, options.medianKernel());
        int threshold = threshold(saturation);
        boolean[] mask = new boolean[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            mask[i] = saturation[i] > threshold && !(options.rejectInk() && InkRules.isInk(rgb[i]));
        }
        mask = Morphology.erode(Morphology.dilate(mask, w, h, options.closingRadius()), w, h,
                options.closingRadius());
        mask = Morphology.dilate(Morphology.erode(mask, w, h, options.openingRadius()), w, h,
                options.openingRadius());
        mask = Morphology.removeSmallObjects(mask, w, h, options.minObjectPixels());
        mask = Morphology.fillSmallHoles(mask, w, h, options.maxHolePixels());
        BitSet bits = new BitSet(mask.length);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                bits.set(i);
            }
        }
        return TissueMask.of(w, h, downsample, bits);
    }

    /** The saturation threshold applied to a median-filtered saturation image: Otsu's, floored. */
    int threshold(int[] medianSaturation) {
        return Math.max(Otsu.threshold(medianSaturation), options.minSaturation());
    }
}
