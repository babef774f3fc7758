package org.tessera.survival;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.tessera.stats.Distributions;

/**
 * Cox proportional hazards regression, fitted as R's {@code coxph} (survival 3.5, coxfit6): start at β = 0,
 * Newton-Raphson steps, stop when |1 - loglik_best / loglik_new| &le; eps (1e-9); a step that lowers the
 * log-likelihood (or overflows) is pulled back towards the last good β by successive halving
 * ((new + h β) / (h + 1), h = 1, 2, ...). Covariates other than 0/±1 indicators are centred and scaled
 * by their mean absolute deviation first, as R does; the path is the same up to rounding because Newton's
 * method is affine invariant. Strata in {@link SurvivalData} give a stratified model.
 *
 * <p>Monotone likelihood (separation) is not an error: R warns "Loglik converged before variable ...;
 * coefficient may be infinite" when the Newton step still pending, |u' V|, exceeds both eps and
 * sqrt(eps) |β|; {@link CoxFit#possiblyInfinite()} lists those covariates and {@link CoxFit#warning()}
 * carries the message.
 */
public final class CoxPh {
    private CoxPh() {
    }

    /** Efron ties and R's default controls. */
    public static CoxFit fit(SurvivalData data, List<Covariate> covariates) {
        return fit(data, covariates, CoxOptions.defaults());
    }

    /**
     * @throws IllegalArgumentException without events, with a missing (NaN) or constant covariate, with
     *                                  duplicate names, or with a covariate that is a linear combination of
     *                                  others (R would report its coefficient as NA)
     */
    public static CoxFit fit(SurvivalData data, List<Covariate> covariates, CoxOptions options) {
        int n = data.size();
        int p = covariates.size();
        validate(data, covariates);
        double[][] x = new double[p][n];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            Covariate c = covariates.get(j);
            boolean indicator = true;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double v = c.value(i);
                indicator &= v == 0 || v == 1 || v == -1;
                mean += v;
            }
            mean /= n;
            if (indicator) { // R's nocenter = c(-1, 0, 1): left as is
                scale[j] = 1;
                for (int i = 0; i < n; i++) {
                    x[j][i] = c.value(i);
                }
                continue;
            }
            double absDev = 0;
            for (int i = 0; i < n; i++) {
                x[j][i] = c.value(i) - mean;
                absDev += Math.abs(x[j][i]);
            }
            scale[j] = n / absDev;
            for (int i = 0; i < n; i++) {
                x[j][i] *= scale[j];
            }
        }
        int[] stratum = new int[n];
        if (data.hasStrata()) {
            List<String> levels = data.strataLevels();
            for (int i = 0; i < n; i++) {
                stratum[i] = levels.indexOf(data.strata().get(i));
            }
        }
        CoxLikelihood likelihood = new CoxLikelihood(x, data.time(), data.event(), stratum, options.ties());
        List<String> names = covariates.stream().map(Covariate::name).toList();
        NewtonRaphson.Result r = NewtonRaphson.run(likelihood, names, options);
        return summarise(data, covariates, options, r, scale);
    }

    private static CoxFit summarise(SurvivalData data, List<Covariate> covariates, CoxOptions options,
            NewtonRaphson.Result r, double[] scale) {
        int p = covariates.size();
        double[] beta = new double[p];
        double[] u = new double[p];
        double[][] var = new double[p][p];
        for (int j = 0; j < p; j++) {
            beta[j] = r.beta()[j] * scale[j];
            u[j] = r.score()[j] / scale[j];
            for (int k = 0; k < p; k++) {
                var[j][k] = r.inverse()[j][k] * scale[j] * scale[k];
            }
        }
        for (int j = 0; j < p; j++) {
            if (!(var[j][j] > 0)) {
                throw new IllegalArgumentException("covariate " + covariates.get(j).name() + " is a linear "
                        + "combination of the others (information matrix singular); R would report its "
                        + "coefficient as NA: drop it");
            }
        }
        List<String> infinite = new ArrayList<>();
        Optional<String> warning = Optional.empty();
        if (!r.converged()) {
            warning = Optional.of("Ran out of iterations and did not converge");
        } else if (options.maxIterations() > 1) {
            for (int j = 0; j < p; j++) {
                double step = 0;
                for (int k = 0; k < p; k++) {
                    step += u[k] * var[k][j];
                }
                step = Math.abs(step);
                if (step > options.eps() && step > options.tolerInf() * Math.abs(beta[j])) {
                    infinite.add(covariates.get(j).name());
                }
            }
            if (!infinite.isEmpty()) {
                warning = Optional.of("Loglik converged before variable " + String.join(",", infinite)
                        + "; coefficient may be infinite.");
            }
        }
        double zCrit = Distributions.normalQuantile(0.975);
        List<CoxCoefficient> rows = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(var[j][j]);
            double z = beta[j] / se;
            rows.add(new CoxCoefficient(covariates.get(j).name(), beta[j], se, Math.exp(beta[j]),
                    Math.exp(beta[j] - zCrit * se), Math.exp(beta[j] + zCrit * se), z, 2 * Distributions.normalSf(
                            Math.abs(z))));
        }
        // Wald test as R's coxph.wtest: solve V w = β with the same singular-pivot rule, statistic β'w.
        double[] w = Ldl.decompose(var, Ldl.DEFAULT_TOLERANCE).solve(beta);
        double wald = 0;
        for (int j = 0; j < p; j++) {
            wald += w[j] * beta[j];
        }
        double[] lp = new double[data.size()];
        for (int i = 0; i < lp.length; i++) {
            for (int j = 0; j < p; j++) {
                lp[i] += beta[j] * covariates.get(j).value(i);
            }
        }
        // 2 (l1 - l0) is >= 0 once Newton has not decreased the likelihood; max() only absorbs rounding of 0.
        double lr = Math.max(0, 2 * (r.logLikelihood() - r.logLikelihoodNull()));
        ChiSquareTest waldTest = ChiSquareTest.of(Math.max(0, wald), p);
        ChiSquareTest scoreTest = ChiSquareTest.of(Math.max(0, r.scoreTest()), p);
        return new CoxFit(rows, var, data.size(), data.events(), options.ties(), r.logLikelihoodNull(),
                r.logLikelihood(), waldTest, scoreTest, ChiSquareTest.of(lr, p),
                Concordance.ofRiskScoreIfComparable(data, lp), r.iterations(), r.converged(), infinite, warning);
    }

    private static void validate(SurvivalData data, List<Covariate> covariates) {
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("a Cox model needs at least one covariate");
        }
        if (data.events() == 0) {
            throw new IllegalArgumentException("a Cox model needs at least one event; all " + data.size()
                    + " rows are censored");
        }
        HashSet<String> names = new HashSet<>();
        for (Covariate c : covariates) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate covariate name: " + c.name());
            }
            if (c.size() != data.size()) {
                throw new IllegalArgumentException("covariate " + c.name() + " has " + c.size() + " rows but data has "
                        + data.size());
            }
            for (int i = 0; i < c.size(); i++) {
                if (Double.isNaN(c.value(i))) {
                    throw new IllegalArgumentException("covariate " + c.name() + " is missing (NaN) at row " + i
                            + "; drop incomplete rows first (Covariate.completeRows)");
                }
            }
            double first = c.value(0);
            boolean constant = true;
            for (int i = 1; i < c.size() && constant; i++) {
                constant = c.value(i) == first;
            }
            if (constant) {
                throw new IllegalArgumentException("covariate " + c.name() + " has zero variance (every row is "
                        + first + "); its hazard ratio is not estimable");
            }
        }
    }
}
