/**
 * Training runs over the store: a feature set pooled per patient, targets selected by SQL, a patient-level
 * split made before the targets are read and stored with the run, a head fitted fold by fold, and
 * out-of-fold per-gene metrics written to {@code gene_results}; with a held-out test set, EMO's selection
 * rule ({@link org.tessera.train.GeneCall}) and a refit on the pool that {@code --bundle} writes.
 *
 * <p>Heads: {@link org.tessera.train.AggregateRidge} and {@link org.tessera.train.PcaRidge} (hist2RNA, optionally
 * on principal components), {@link org.tessera.train.MlpHead} (hist2RNA's small net),
 * {@link org.tessera.train.PerGeneRidgeHead} (EMO's per-gene penalty), {@link org.tessera.train.TileRegression}
 * (EMO's tile-level model) and {@link org.tessera.train.TileClassifierRun} (PathoMCH).
 */
package org.tessera.train;
