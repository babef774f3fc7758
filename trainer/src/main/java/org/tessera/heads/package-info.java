/**
 * Heads: light models fitted on feature matrices to predict expression targets.
 *
 * <p>Each head is a stateless {@code fit} returning an immutable, serialisable model; hyper-parameters are
 * self-validating records. {@link org.tessera.heads.RidgeHead} fits multi-output ridge regression on
 * standardised features through one SVD, which also gives the exact leave-one-out predictions for a whole
 * grid of penalties at once, so the penalty can be chosen per output at the cost of a single fit.
 */
package org.tessera.heads;
