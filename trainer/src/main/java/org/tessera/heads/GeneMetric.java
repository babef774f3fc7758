package org.tessera.heads;

/**
 * How well one gene is predicted: correlation of predicted with measured values, its p-values and their
 * Benjamini-Hochberg adjustment across the genes scored together, and the predictive R^2. A gene whose
 * measured or predicted values are constant has no correlation: its estimates and p-values are NaN and it
 * is left out of the FDR family (q NaN), as a filter independent of the test would drop it beforehand.
 *
 * @param gene        the gene
 * @param pearsonR    Pearson's r (scipy.stats.pearsonr)
 * @param pearsonP    its two-sided p-value
 * @param pearsonQ    BH-adjusted {@code pearsonP} (statsmodels 'fdr_bh')
 * @param spearmanRho Spearman's rho (scipy.stats.spearmanr, average ranks)
 * @param spearmanP   its two-sided p-value
 * @param spearmanQ   BH-adjusted {@code spearmanP}
 * @param r2          predictive R^2, 1 - SS_res / SS_tot (sklearn r2_score); NaN for a constant measurement
 */
public record GeneMetric(String gene, double pearsonR, double pearsonP, double pearsonQ, double spearmanRho, double spearmanP,
        double spearmanQ, double r2) {
}
