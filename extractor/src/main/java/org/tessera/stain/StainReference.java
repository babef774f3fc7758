package org.tessera.stain;

import java.util.Locale;

/**
 * The target of normalisation: haematoxylin and eosin directions in optical density, and the 99th-percentile
 * concentration of each, which fixes how dark each stain comes out.
 */
public record StainReference(StainVector hematoxylin, StainVector eosin, double maxHematoxylin, double maxEosin) {

    /** The reference of Macenko's reference implementations (HERef and maxCRef of HEnorm_python / staintools). */
    public static final StainReference MACENKO_DEFAULT = new StainReference(
            new StainVector(0.5626, 0.7201, 0.4062), new StainVector(0.2159, 0.8012, 0.5581), 1.9705, 1.0308);

    public StainReference {
        if (hematoxylin == null || eosin == null) {
            throw new IllegalArgumentException("both stain vectors are required");
        }
        if (!(maxHematoxylin > 0 && maxEosin > 0) || Double.isInfinite(maxHematoxylin + maxEosin)) {
            throw new IllegalArgumentException(
                    "maximum concentrations must be positive: " + maxHematoxylin + "," + maxEosin);
        }
    }

    /** A compact, locale-independent text for provenance. */
    public String describe() {
        return String.format(Locale.ROOT, "HE=[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]];maxC=[%.4f,%.4f]",
                hematoxylin.r(), eosin.r(), hematoxylin.g(), eosin.g(), hematoxylin.b(), eosin.b(), maxHematoxylin,
                maxEosin);
    }
}
