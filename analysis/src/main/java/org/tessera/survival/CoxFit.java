package org.tessera.survival;

import java.util.List;
import java.util.Optional;

/**
 * A fitted Cox proportional hazards model with what R's {@code summary(coxph)} reports.
 *
 * @param coefficients       one row per covariate, in the order given
 * @param variance           inverse information matrix at the estimate (R's {@code vcov})
 * @param n                  rows used
 * @param events             events among them
 * @param ties               tie handling used
 * @param logLikelihoodNull  partial log-likelihood at β = 0
 * @param logLikelihood      partial log-likelihood at the estimate
 * @param wald               Wald test β' V^-1 β, df = covariates
 * @param score              score (log-rank) test at β = 0, df = covariates
 * @param likelihoodRatio    2 (logLikelihood - logLikelihoodNull), df = covariates
 * @param concordance        Harrell's C of the linear predictor (higher = riskier), within strata; empty
 *                           when no pair is comparable (R reports NaN)
 * @param iterations         Newton-Raphson iterations used (R's {@code iter})
 * @param converged          false when the iteration limit was reached first
 * @param possiblyInfinite   names of coefficients that still moved when the log-likelihood had converged:
 *                           monotone likelihood (separation), the estimate is a lower bound of ±∞
 * @param warning            R's warning text when not converged or a coefficient may be infinite
 */
public record CoxFit(List<CoxCoefficient> coefficients, double[][] variance, int n, int events, Ties ties,
        double logLikelihoodNull, double logLikelihood, ChiSquareTest wald, ChiSquareTest score,
        ChiSquareTest likelihoodRatio, Optional<ConcordanceResult> concordance, int iterations, boolean converged,
        List<String> possiblyInfinite, Optional<String> warning) {
    public CoxFit {
        coefficients = List.copyOf(coefficients);
        possiblyInfinite = List.copyOf(possiblyInfinite);
        int p = coefficients.size();
        if (p == 0) {
            throw new IllegalArgumentException("a Cox fit needs at least one coefficient");
        }
        if (variance.length != p) {
            throw new IllegalArgumentException("variance has " + variance.length + " rows for " + p + " coefficients");
        }
        double[][] copy = new double[p][];
        for (int i = 0; i < p; i++) {
            if (variance[i].length != p) {
                throw new IllegalArgumentException("variance row " + i + " has " + variance[i].length + " columns");
            }
            copy[i] = variance[i].clone();
        }
        variance = copy;
        if (events < 1 || events > n) {
            throw new IllegalArgumentException("events must be in [1, n=" + n + "]: " + events);
        }
        if (!Double.isFinite(logLikelihoodNull) || !Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("log-likelihoods must be finite: " + logLikelihoodNull + ", "
                    + logLikelihood);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        if (ties == null || wald == null || score == null || likelihoodRatio == null || concordance == null
                || warning == null) {
            throw new IllegalArgumentException("Cox fit fields must not be null");
        }
        if (warning.isEmpty() != (converged && possiblyInfinite.isEmpty())) {
            throw new IllegalArgumentException("a warning is required exactly when the fit did not converge or a "
                    + "coefficient may be infinite: " + warning);
        }
    }

    @Override
    public double[][] variance() {
        double[][] copy = new double[variance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = variance[i].clone();
        }
        return copy;
    }

    /** The row for one covariate name. */
    public CoxCoefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + name + " in "
                        + coefficients.stream().map(CoxCoefficient::name).toList()));
    }

    /** True when the fit converged and no coefficient looks infinite. */
    public boolean clean() {
        return warning.isEmpty();
    }
}
