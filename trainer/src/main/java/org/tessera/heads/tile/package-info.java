/**
 * Tile-level heads: a classifier trained on every tile's embedding, whose per-tile calls both score the
 * slide and map where on it a trait's morphology is.
 *
 * <p>{@link org.tessera.heads.tile.LogisticRegression} fits L2-penalised logistic regression by L-BFGS over a
 * float design held once ({@link org.tessera.heads.tile.TileEmbeddings}), standardisation folded into the
 * coefficients, to the same optimum as scikit-learn's lbfgs; {@link org.tessera.heads.tile.TileLogisticBenchmark}
 * times it at 10^6 tiles x 768 features. {@link org.tessera.heads.tile.TileClassifier} runs PathoMCH's scheme
 * on top: percentile labels ({@link org.tessera.heads.tile.TraitLabels}), a patient-level test set and
 * train/validation splits from {@link org.tessera.splits.Splits}, an ensemble of the best splits, and slide
 * AUCs with bootstrap intervals ({@link org.tessera.stats.Auc}) on the test and out-of-distribution sets.
 */
package org.tessera.heads.tile;
