package org.tessera.heads;

/**
 * How {@link PerGeneRidge} scores each penalty of the grid for each gene (lower is better).
 */
public enum PenaltyCriterion {
    /**
     * Exact leave-one-out mean squared error, sum_i (e_i / (1 - h_ii))^2 / n: what scikit-learn's
     * {@code RidgeCV(alphas, alpha_per_target=True)} minimises with its default {@code cv=None} (its
     * "efficient leave-one-out", whatever {@code gcv_mode}). Costs one n x r x genes matrix product per penalty.
     */
    LEAVE_ONE_OUT,
    /**
     * Generalised cross-validation (Golub, Heath and Wahba 1979): (RSS / n) / (1 - tr(H) / n)^2, with
     * tr(H) = 1 + sum_k s_k^2 / (s_k^2 + lambda) counting the intercept. The hat diagonal is replaced by its
     * mean, so RSS comes from the singular-direction coordinates U'y alone, O(rank x genes) per penalty; no
     * scikit-learn estimator computes it (its {@code _RidgeGCV} is exact leave-one-out despite the name).
     */
    GCV
}
