/**
 * Heads: light models fitted on feature matrices to predict expression targets.
 *
 * <p>Each head is a stateless {@code fit} returning an immutable, serialisable model; hyper-parameters are
 * self-validating records. {@link org.tessera.heads.RidgeHead} fits multi-output ridge regression on
 * standardised features through one SVD, which also gives the exact leave-one-out predictions for a whole
 * grid of penalties at once, so the penalty can be chosen per output at the cost of a single fit.
 * {@link org.tessera.heads.PerGeneRidge} does the same genome-wide, in blocks of genes, choosing each
 * gene's penalty by GCV or exact leave-one-out from one SVD (EMO's gene-specific optimisation).
 * {@link org.tessera.heads.GeneMetrics} scores predictions per gene. PathoMCH's tile classifier is in
 * {@code org.tessera.heads.tile}.
 */
package org.tessera.heads;
