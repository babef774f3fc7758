package org.tessera.tissue;

/**
 * Pixel rules for what is coloured but is not tissue: pen ink and black debris. Saturation alone cannot tell
 * them apart from stain, so hue and brightness rules are applied per pixel after thresholding.
 *
 * <p>The rules are deliberately narrow because haematoxylin is itself blue: on the HER2ST C2 section
 * (thumbnail at 1/5) 77% of tissue pixels have hues between 210 and 250 degrees with saturation near 0.45
 * and brightness near 0.55 (e.g. RGB 73,82,136). Measured on that thumbnail, the rules below reject
 * 1 of its 478,152 pixels with saturation above 40/255.
 * <ul>
 *   <li>blue ink: hue 195..250 degrees, saturation &gt;= 0.6 and brightness (max channel) &gt;= 153
 *       (a bright, saturated blue such as RGB 40,60,200; dark navy ink is not caught);</li>
 *   <li>green ink: hue 70..190 degrees with saturation &gt;= 0.25 (H&amp;E never has green as its strongest
 *       channel);</li>
 *   <li>black ink, folds and debris: brightness below 50.</li>
 * </ul>
 */
final class InkRules {
    private InkRules() {
    }

    /** True when the packed RGB pixel looks like pen ink or black debris rather than stained tissue. */
    static boolean isInk(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int max = Math.max(r, Math.max(g, b));
        if (max < 50) {
            return true;
        }
        if (r == max) {
            // hue within 60 degrees of red (0..60 or 300..360): neither blue nor green; most eosin pixels
            return false;
        }
        int min = Math.min(r, Math.min(g, b));
        int delta = max - min;
        if (delta == 0) {
            return false;
        }
        double saturation = (double) delta / max;
        double hue = hueDegrees(r, g, b, max, delta);
        boolean blue = hue >= 195 && hue <= 250 && saturation >= 0.6 && max >= 153;
        boolean green = hue >= 70 && hue < 190 && saturation >= 0.25;
        return blue || green;
    }

    /** HSV hue in degrees [0, 360) for a pixel whose channels are not all equal. */
    static double hueDegrees(int r, int g, int b, int max, int delta) {
        double h;
        if (max == r) {
            h = (double) (g - b) / delta;
            if (h < 0) {
                h += 6;
            }
        } else if (max == g) {
            h = (double) (b - r) / delta + 2;
        } else {
            h = (double) (r - g) / delta + 4;
        }
        return h * 60.0;
    }
}
