package org.tessera.survival;

import java.util.OptionalInt;

/**
 * One line of a univariate or multivariate Cox table, laid out as hist2RNA's Table 1: the variable, the
 * comparison (cut-off or level against reference, or "per unit"), how many patients are in each group, and
 * the hazard ratio with its 95% Wald interval and Wald p-value.
 *
 * @param term        the variable ("age", "tgrade")
 * @param contrast    "&gt; 50 vs &lt;= 50", "II vs I", or "per unit" for a continuous covariate
 * @param n           patients in the fit
 * @param nLevel      patients in the compared group (empty for a continuous covariate)
 * @param nReference  patients in the reference group (empty for a continuous covariate)
 * @param hazardRatio the hazard ratio
 * @param lower       lower 95% limit
 * @param upper       upper 95% limit
 * @param pValue      Wald p-value of the coefficient
 */
public record CoxTableRow(String term, String contrast, int n, OptionalInt nLevel, OptionalInt nReference,
        double hazardRatio, double lower, double upper, double pValue) {
    public CoxTableRow {
        if (term == null || contrast == null || nLevel == null || nReference == null) {
            throw new IllegalArgumentException("table row fields must not be null");
        }
        if (n < 1) {
            throw new IllegalArgumentException(term + ": n must be >= 1: " + n);
        }
        if (nLevel.isPresent() != nReference.isPresent()) {
            throw new IllegalArgumentException(term + ": group sizes must both be present or both absent");
        }
        if (nLevel.isPresent() && (nLevel.getAsInt() < 0 || nReference.getAsInt() < 0
                || nLevel.getAsInt() + nReference.getAsInt() > n)) {
            throw new IllegalArgumentException(term + ": group sizes " + nLevel.getAsInt() + " + "
                    + nReference.getAsInt() + " exceed n = " + n);
        }
        if (!(lower >= 0 && lower <= hazardRatio && hazardRatio <= upper)) {
            throw new IllegalArgumentException(term + ": need 0 <= lower <= HR <= upper: [" + lower + ", "
                    + hazardRatio + ", " + upper + "]");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(term + ": pValue must be in [0, 1]: " + pValue);
        }
    }
}
