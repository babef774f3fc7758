package org.tessera.tissue;

/**
 * The knobs of {@link TissueDetector}, validated once. Sizes are in thumbnail pixels (not micrometres: the
 * detector sees only a thumbnail and its downsample); the defaults suit thumbnails of about
 * {@code thumbnailMaxSide} pixels, where one pixel is a few to a few tens of micrometres.
 *
 * <p>Hole filling is generous on purpose, as in CLAM (which fills holes below about 1 mm^2): pale stroma
 * inside a section has low saturation and would otherwise punch holes in the tissue. On HER2ST C2 (a
 * thumbnail at 3.45 um/px), filling holes under 10,000 px (0.12 mm^2) raises the share of the spots under
 * tissue whose centre is in the mask from 84% to 97%.
 *
 * @param thumbnailMaxSide longest side of the thumbnail callers should give the detector
 * @param medianKernel side of the square median filter applied to saturation before thresholding (odd)
 * @param minSaturation floor under the Otsu threshold (0..255), so that a slide of bare glass stays empty
 * @param closingRadius radius of the disk for the morphological closing that joins tissue fragments
 * @param openingRadius radius of the disk for the opening that removes specks after the closing
 * @param minObjectPixels tissue components (8-connected) smaller than this are dropped
 * @param maxHolePixels background holes (4-connected, not touching the border) smaller than this are filled
 * @param rejectInk whether blue, green and black pen marks are excluded (see {@link InkRules})
 */
public record TissueOptions(int thumbnailMaxSide, int medianKernel, int minSaturation, int closingRadius,
        int openingRadius, int minObjectPixels, int maxHolePixels, boolean rejectInk) {

    /**
     * The extractor's default: a 1024 px thumbnail (about 6 um/px for a HER2ST section, 25 um/px for a
     * 25 mm slide) with sizes scaled from {@link #FINE}. On the HER2ST sections it keeps as many spot centres
     * as FINE (C2 183 of 187, C5 177 of 183, B4 185 of 284 against 176) at a quarter of the cost
     * (tissue detection 90-290 ms instead of 380-1440 ms per section, measured before the detector was made
     * about four times faster; now about 20 ms, see docs/benchmarks.md).
     */
    public static final TissueOptions DEFAULT = new TissueOptions(1024, 5, 20, 2, 1, 25, 2500, true);

    /** Settings for a 2048 px thumbnail, as tuned and checked against the Python reference on HER2ST C2. */
    public static final TissueOptions FINE = new TissueOptions(2048, 7, 20, 3, 2, 100, 10000, true);

    public TissueOptions {
        if (thumbnailMaxSide < 64 || thumbnailMaxSide > 16384) {
            throw new IllegalArgumentException("thumbnail side must be 64..16384 px, got " + thumbnailMaxSide);
        }
        if (medianKernel < 1 || medianKernel > 31 || medianKernel % 2 == 0) {
            throw new IllegalArgumentException("median kernel must be odd, 1..31, got " + medianKernel);
        }
        if (minSaturation < 0 || minSaturation > 254) {
            throw new IllegalArgumentException("minimum saturation must be 0..254, got " + minSaturation);
        }
        if (closingRadius < 0 || closingRadius > 32 || openingRadius < 0 || openingRadius > 32) {
            throw new IllegalArgumentException(
                    "closing/opening radius must be 0..32 px, got " + closingRadius + "/" + openingRadius);
        }
        if (minObjectPixels < 0 || maxHolePixels < 0) {
            throw new IllegalArgumentException(
                    "object and hole sizes must be non-negative, got " + minObjectPixels + "/" + maxHolePixels);
        }
    }

    /**
     * The downsample (level-0 pixels per thumbnail pixel) at which to take a thumbnail of a level-0 image of
     * the given size so that its longest side is at most {@link #thumbnailMaxSide()}; never below 1.
     */
    public double thumbnailDownsample(long level0Width, long level0Height) {
        if (level0Width <= 0 || level0Height <= 0) {
            throw new IllegalArgumentException("level-0 size must be positive: " + level0Width + "x" + level0Height);
        }
        return Math.max(1.0, (double) Math.max(level0Width, level0Height) / thumbnailMaxSide);
    }
}
