package org.tessera.heads.tile;

import java.util.Optional;
import org.tessera.stats.AucResult;
import org.tessera.stats.CorrelationResult;

/**
 * How slide scores order the trait on an out-of-distribution set, where there is no high/low truth: the
 * trait itself is the truth.
 *
 * @param slides         slides in the set
 * @param spearman       Spearman's rho of slide score against trait; empty with fewer than 3 slides or a
 *                       constant score
 * @param aboveMedianAuc AUC (with bootstrap interval) of the score for trait above versus below the set's
 *                       median, slides exactly at the median left out; empty when a side is empty
 */
public record OodMetrics(int slides, Optional<CorrelationResult> spearman, Optional<AucResult> aboveMedianAuc) {
    public OodMetrics {
        if (slides < 0) {
            throw new IllegalArgumentException("slide count must be >= 0, got " + slides);
        }
        java.util.Objects.requireNonNull(spearman, "spearman");
        java.util.Objects.requireNonNull(aboveMedianAuc, "aboveMedianAuc");
    }
}
