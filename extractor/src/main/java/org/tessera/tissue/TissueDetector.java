package org.tessera.tissue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
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
        int[] rgb = pixels(thumbnail);
        boolean[] mask = aboveThreshold(rgb, SaturationImage.medianOfRgb(rgb, w, h, options.medianKernel()));
        boolean[] other = new boolean[rgb.length];
        Morphology.disk(mask, other, w, h, options.closingRadius(), true);
        Morphology.disk(other, mask, w, h, options.closingRadius(), false);
        Morphology.disk(mask, other, w, h, options.openingRadius(), false);
        Morphology.disk(other, mask, w, h, options.openingRadius(), true);
        Morphology.removeSmallObjects(mask, w, h, options.minObjectPixels());
        Morphology.fillSmallHoles(mask, w, h, options.maxHolePixels());
        long[] words = new long[(mask.length + 63) >>> 6];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                words[i >>> 6] |= 1L << i;
            }
        }
        return TissueMask.of(w, h, downsample, BitSet.valueOf(words));
    }

    /** Pixels whose median-filtered saturation is above the threshold and that are not ink. */
    boolean[] aboveThreshold(int[] rgb, byte[] medianSaturation) {
        int threshold = threshold(medianSaturation);
        boolean[] mask = new boolean[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            mask[i] = (medianSaturation[i] & 0xFF) > threshold && !(options.rejectInk() && InkRules.isInk(rgb[i]));
        }
        return mask;
    }

    /**
     * The thumbnail's packed RGB pixels, row-major: its own pixel array when it is a plain TYPE_INT_RGB or
     * TYPE_INT_ARGB image (as {@code Thumbnail} makes them; only the RGB bits are read), else a copy.
     */
    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int type = image.getType();
        WritableRaster raster = image.getRaster();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0 && model.getScanlineStride() == w
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && buffer.getData().length == w * h) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    /** The saturation threshold applied to a median-filtered saturation image (unsigned bytes): Otsu's, floored. */
    int threshold(byte[] medianSaturation) {
        long[] hist = new long[256];
        for (byte s : medianSaturation) {
            hist[s & 0xFF]++;
        }
        return Math.max(Otsu.fromHistogram(hist), options.minSaturation());
    }
}
