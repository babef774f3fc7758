package org.tessera.survival;

/**
 * One row of R's {@code summary(coxph)}: the coefficient, its standard error, the hazard ratio with its
 * Wald interval exp(coef ± z se) (z = 1.959964 at 95%, as R's {@code confint}) and the Wald test.
 * The upper limit may be +∞ and the lower 0 when a coefficient diverges (see
 * {@link CoxFit#possiblyInfinite()}); never NaN.
 *
 * @param name        covariate column name
 * @param coef        log hazard ratio
 * @param se          its standard error, from the inverse information matrix
 * @param hazardRatio exp(coef)
 * @param lower       lower confidence limit of the hazard ratio
 * @param upper       upper confidence limit of the hazard ratio
 * @param z           coef / se
 * @param pValue      two-sided Wald p-value, 2 Φ(-|z|)
 */
public record CoxCoefficient(String name, double coef, double se, double hazardRatio, double lower, double upper,
        double z, double pValue) {
    public CoxCoefficient {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (!Double.isFinite(coef) || !(se > 0 && se < Double.POSITIVE_INFINITY) || !Double.isFinite(z)) {
            throw new IllegalArgumentException(name + ": coef, se and z must be finite with se > 0: coef=" + coef
                    + " se=" + se + " z=" + z);
        }
        if (!(lower >= 0 && lower <= hazardRatio && hazardRatio <= upper)) {
            throw new IllegalArgumentException(name + ": need 0 <= lower <= HR <= upper: [" + lower + ", "
                    + hazardRatio + ", " + upper + "]");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(name + ": pValue must be in [0, 1]: " + pValue);
        }
    }
}
