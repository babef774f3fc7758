package org.tessera.survival;

/**
 * Settings of a Cox fit, defaulting to R's {@code coxph.control()}.
 *
 * @param ties          tie handling
 * @param maxIterations Newton-Raphson iterations allowed (R's {@code iter.max}, 20)
 * @param eps           convergence: stop when |1 - loglik_old / loglik_new| &le; eps (R's {@code eps}, 1e-9);
 *                      a coefficient is also flagged as possibly infinite when the remaining Newton step
 *                      exceeds sqrt(eps) relative (R's {@code toler.inf})
 */
public record CoxOptions(Ties ties, int maxIterations, double eps) {
    public CoxOptions {
        if (ties == null) {
            throw new IllegalArgumentException("ties must not be null");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
        }
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1): " + eps);
        }
    }

    /** R's defaults: Efron ties, 20 iterations, eps 1e-9. */
    public static CoxOptions defaults() {
        return new CoxOptions(Ties.EFRON, 20, 1e-9);
    }

    /** The defaults with other tie handling. */
    public static CoxOptions withTies(Ties ties) {
        return new CoxOptions(ties, 20, 1e-9);
    }

    double tolerInf() {
        return Math.sqrt(eps);
    }
}
