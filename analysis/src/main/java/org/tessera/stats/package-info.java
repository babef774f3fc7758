/**
 * Statistics for judging predicted expression: distribution tails for p-values, Pearson and Spearman
 * correlation, multiple-testing adjustment, regression metrics and ROC AUC with a bootstrap interval
 * ({@link org.tessera.stats.Auc}). Pure Java, no dependencies.
 *
 * <p>Each method is one static factory or function; results are records that validate themselves
 * ({@link org.tessera.stats.CorrelationResult}). Every numeric convention (tie handling, p-value
 * definition, caps) is written on the method that applies it, and every method is tested against values
 * computed by scipy or statsmodels, with the Python that produced them quoted in the test.
 *
 * <p>No method returns NaN: degenerate input (a constant vector, too few values, a NaN) is an
 * {@link java.lang.IllegalArgumentException} that names the offending argument or index.
 */
package org.tessera.stats;
