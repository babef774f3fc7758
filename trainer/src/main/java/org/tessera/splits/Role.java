package org.tessera.splits;

/**
 * What a unit is used for. In a stored split a unit is either {@link #TEST}, held out from every fold and
 * looked at once at the end, or {@link #TRAIN} with a fold index: the cross-validation pool. Within one
 * fold ({@link Fold}) the pool divides again into {@link #TRAIN} (the other folds) and {@link #VALIDATION}
 * (this fold).
 */
public enum Role {
    TRAIN,
    VALIDATION,
    TEST
}
