/**
 * Survival analysis of predicted expression: Kaplan-Meier curves, the log-rank test, Cox proportional
 * hazards and Harrell's concordance, with the conventions of R's {@code survival} package (3.5), so a
 * number printed by Tessera can be checked against the R that reviewers run.
 *
 * <p>The input is a {@link org.tessera.survival.SurvivalData} (times, event flags, optional group and
 * stratum labels); covariates for Cox models are {@link org.tessera.survival.Covariate}s. Each method is
 * one static factory ({@link org.tessera.survival.KaplanMeier#fit}, {@link org.tessera.survival.LogRank#test},
 * {@link org.tessera.survival.CoxPh#fit}, {@link org.tessera.survival.Concordance#ofRiskScore}) returning a
 * self-validating record. Every numeric convention (ties, variance formula, CI transform, quantile rule) is
 * written on the method that applies it, and every result is tested against R with the R call quoted in
 * the test.
 *
 * <p>No result holds NaN. Where R reports {@code NA} (a log-log interval at S = 1, any interval at S = 0,
 * a median that is never reached) the records say so with a documented value or an empty
 * {@link java.util.Optional}; degenerate input (no events, a single group, a constant covariate) is an
 * {@link java.lang.IllegalArgumentException} naming the value.
 */
package org.tessera.survival;
