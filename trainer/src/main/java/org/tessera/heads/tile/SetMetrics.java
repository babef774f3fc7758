package org.tessera.heads.tile;

import java.util.Objects;
import java.util.Optional;
import org.tessera.stats.AucResult;

/**
 * One scorer's (a split's model, or the ensemble) slide-level results on the held-out sets.
 *
 * @param test    slide AUC of high versus low on the test set; empty if the test set lacks a class
 * @param oodNear on OOD-near slides (20-30th and 70-80th percentiles)
 * @param oodAll  on all OOD slides (20-80th)
 */
public record SetMetrics(Optional<AucResult> test, OodMetrics oodNear, OodMetrics oodAll) {
    public SetMetrics {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(oodNear, "oodNear");
        Objects.requireNonNull(oodAll, "oodAll");
    }
}
