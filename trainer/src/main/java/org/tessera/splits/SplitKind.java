package org.tessera.splits;

/** How a split was made; stored with it so a reader knows what its folds mean. */
public enum SplitKind {
    /** Patients shuffled and dealt into k folds. */
    K_FOLD,
    /** As {@link #K_FOLD}, dealt within each stratum (e.g. subtype) so each fold keeps the proportions. */
    STRATIFIED_K_FOLD,
    /** A fraction of the patients held out as a test set, the rest dealt into k folds. */
    HOLD_OUT,
    /** One fold per patient. */
    LEAVE_ONE_PATIENT_OUT,
    /** One fold per group (site, batch, section series); a patient may not span groups. */
    LEAVE_ONE_GROUP_OUT
}
