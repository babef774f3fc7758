package org.tessera.heads;

import java.util.Objects;

/**
 * Hyper-parameters of principal-component ridge ({@link PcaRidgeHead}): how many components of the
 * standardised features to keep, and the ridge grid applied to their scores.
 *
 * @param components the number of leading principal components, &gt;= 1; capped at min(rows, features) by the fit
 * @param ridge      the penalties tried on the scores and how one is chosen (see {@link RidgeOptions})
 */
public record PcaRidgeOptions(int components, RidgeOptions ridge) {
    public PcaRidgeOptions {
        if (components < 1) {
            throw new IllegalArgumentException("principal component count must be >= 1, got " + components);
        }
        Objects.requireNonNull(ridge, "ridge");
    }

    /** {@code components} components and one lambda for all outputs, chosen from the grid by leave-one-out. */
    public static PcaRidgeOptions sharedGrid(int components, double... lambdas) {
        return new PcaRidgeOptions(components, RidgeOptions.sharedGrid(lambdas));
    }
}
