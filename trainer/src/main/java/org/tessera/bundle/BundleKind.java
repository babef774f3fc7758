package org.tessera.bundle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of head a bundle carries, by the label written in {@code bundle.json}. Both kinds are linear
 * in the pooled features, so both are stored and applied as {@link LinearWeights}; the kind says how the
 * penalty was chosen and so how the metrics should be read.
 */
public enum BundleKind {
    /** {@link org.tessera.heads.RidgeHead}: one multi-output ridge (one SVD for all genes). */
    AGGREGATE_RIDGE("aggregate-ridge"),
    /** {@link org.tessera.heads.PerGeneRidge}: one penalty chosen per gene. */
    PER_GENE_RIDGE("per-gene-ridge");

    private final String label;

    BundleKind(String label) {
        this.label = label;
    }

    /** The label in {@code bundle.json}. */
    public String label() {
        return label;
    }

    /** The kind with this label. */
    public static Optional<BundleKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
