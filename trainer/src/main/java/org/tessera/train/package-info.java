/**
 * Training runs over the store: a feature set pooled per patient, targets selected by SQL, a patient-level
 * split made before the targets are read and stored with the run, a head fitted fold by fold, and
 * out-of-fold per-gene metrics written to {@code gene_results}.
 */
package org.tessera.train;
