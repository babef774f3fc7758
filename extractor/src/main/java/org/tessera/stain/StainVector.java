package org.tessera.stain;

/**
 * The optical density of one stain per unit concentration in the red, green and blue channels: a direction
 * in OD space, unit length (normalised on construction).
 */
public record StainVector(double r, double g, double b) {
    public StainVector {
        if (!(r >= 0 && g >= 0 && b >= 0) || Double.isInfinite(r + g + b)) {
            throw new IllegalArgumentException(
                    "stain optical densities must be finite and non-negative: " + r + "," + g + "," + b);
        }
        double n = Math.sqrt(r * r + g * g + b * b);
        if (n < 1e-9) {
            throw new IllegalArgumentException("stain vector must not be zero");
        }
        r /= n;
        g /= n;
        b /= n;
    }
}
