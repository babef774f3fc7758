/**
 * Splits: which slides train a head and which judge it, decided before any target is looked at.
 *
 * <p>Every split is made at the level of the patient: all units (slides, sections, spots) of one patient
 * fall on the same side of every fold, because slides of one patient share biology and staining and a
 * head evaluated on a patient it was trained on reports an optimistic score. {@link org.tessera.splits.Split}
 * checks this itself, so a leaking assignment cannot be built, not even from rows read back from the store.
 * {@link org.tessera.splits.Splits} makes the seeded splits (k-fold, stratified k-fold, held-out test plus
 * k folds, leave one patient out, leave one group out); none of them takes targets.
 */
package org.tessera.splits;
