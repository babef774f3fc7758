package org.tessera.heads.tile;

/** The part a slide plays in one tile-classifier run. */
public enum SlideSet {
    /** A labelled slide in the train/validation pool. */
    POOL,
    /** A labelled slide in the held-out test set. */
    TEST,
    /** An unlabelled (20-80th percentile) slide evaluated as out-of-distribution. */
    OOD,
    /**
     * An unlabelled slide left out of the OOD sets because its patient has a slide in the pool: the models
     * have seen that patient's tissue.
     */
    OOD_EXCLUDED
}
