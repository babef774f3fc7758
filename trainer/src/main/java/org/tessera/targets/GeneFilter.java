package org.tessera.targets;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Which genes an import keeps. EMO keeps genes whose variance across samples exceeds a threshold; many
 * papers keep the N most variable (or most expressed) genes. Statistics are per gene across the samples
 * kept, after log2(1+x) when that is applied and before re-centring and standardisation (a z-scored gene
 * has variance 1). Variance is the population variance (divisor n, numpy's {@code var} default). Ties in a
 * top-N choice are broken by gene name. Both filters may be given: the threshold applies first.
 *
 * @param minVariance keep genes whose variance is strictly above this, if present; at least 0
 * @param top         then keep the N genes with the largest statistic, if present; at least 1
 * @param by          the statistic ranking the top N
 */
public record GeneFilter(OptionalDouble minVariance, OptionalInt top, Statistic by) {
    /** What a top-N filter ranks genes by. */
    public enum Statistic {
        MEAN, VARIANCE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GeneFilter {
        if (minVariance.isPresent() && !(minVariance.getAsDouble() >= 0 && Double.isFinite(minVariance.getAsDouble()))) {
            throw new IllegalArgumentException("minimum variance must be a finite number >= 0, got " + minVariance.getAsDouble());
        }
        if (top.isPresent() && top.getAsInt() < 1) {
            throw new IllegalArgumentException("top must keep at least 1 gene, got " + top.getAsInt());
        }
        java.util.Objects.requireNonNull(by, "by");
    }

    /** Keeps every gene. */
    public static GeneFilter none() {
        return new GeneFilter(OptionalDouble.empty(), OptionalInt.empty(), Statistic.VARIANCE);
    }

    public boolean isNone() {
        return minVariance.isEmpty() && top.isEmpty();
    }
}
