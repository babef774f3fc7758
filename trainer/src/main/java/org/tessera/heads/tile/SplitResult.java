package org.tessera.heads.tile;

import java.util.List;
import java.util.Objects;

/**
 * One train/validation split of the pool and the model fitted on it.
 *
 * @param index         the split's index
 * @param train         slides whose tiles trained the model
 * @param validation    slides that judged it
 * @param model         the tile logistic regression
 * @param validationAuc slide AUC (high versus low) on the validation slides: what ranks the splits
 * @param metrics       its results on test and OOD sets
 */
public record SplitResult(int index, List<String> train, List<String> validation, LogisticModel model, double validationAuc,
        SetMetrics metrics) {
    public SplitResult {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metrics, "metrics");
        if (!(validationAuc >= 0 && validationAuc <= 1)) {
            throw new IllegalArgumentException("split " + index + ": validation AUC " + validationAuc);
        }
    }
}
