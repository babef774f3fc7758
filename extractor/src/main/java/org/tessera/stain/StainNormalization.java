package org.tessera.stain;

import java.util.Locale;
import java.util.Objects;

/**
 * Which stain normalisation was applied, with every parameter that changes its output, so that a feature set
 * records exactly how its tiles were coloured ({@link #provenance()}).
 *
 * @param method "macenko"
 * @param io transmitted (background) light intensity, 0..255
 * @param alpha percentile (0..50) of the angle distribution taken as the extreme stain directions
 * @param beta optical-density threshold below which a pixel counts as background (per channel)
 * @param minStainedFraction tiles with fewer stained pixels than this fraction are returned unchanged
 * @param target the reference stains
 */
public record StainNormalization(String method, double io, double alpha, double beta, double minStainedFraction,
        StainReference target) {

    /** Macenko with Io=240, alpha=1, beta=0.15 and the default reference; tiles under 1% stained left alone. */
    public static final StainNormalization MACENKO_DEFAULT =
            new StainNormalization("macenko", 240, 1, 0.15, 0.01, StainReference.MACENKO_DEFAULT);

    public StainNormalization {
        Objects.requireNonNull(target, "target");
        if (!"macenko".equals(method)) {
            throw new IllegalArgumentException("unknown stain normalisation method: " + method);
        }
        if (!(io > 0 && io <= 255)) {
            throw new IllegalArgumentException("Io must be in (0, 255], got " + io);
        }
        if (!(alpha >= 0 && alpha < 50)) {
            throw new IllegalArgumentException("alpha must be in [0, 50), got " + alpha);
        }
        if (!(beta >= 0 && beta < 5)) {
            throw new IllegalArgumentException("beta must be in [0, 5), got " + beta);
        }
        if (!(minStainedFraction >= 0 && minStainedFraction <= 1)) {
            throw new IllegalArgumentException("minimum stained fraction must be in [0, 1], got " + minStainedFraction);
        }
    }

    /** The same parameters with another target (e.g. one fitted on a reference tile). */
    public StainNormalization withTarget(StainReference newTarget) {
        return new StainNormalization(method, io, alpha, beta, minStainedFraction, newTarget);
    }

    /** E.g. {@code macenko;Io=240;alpha=1;beta=0.15;minStained=0.01;HE=[[...]];maxC=[...]}. */
    public String provenance() {
        return String.format(Locale.ROOT, "%s;Io=%s;alpha=%s;beta=%s;minStained=%s;%s", method, num(io), num(alpha),
                num(beta), num(minStainedFraction), target.describe());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
