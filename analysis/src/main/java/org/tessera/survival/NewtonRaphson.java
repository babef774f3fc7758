package org.tessera.survival;

/**
 * The iteration of R survival's coxfit6, on centred and scaled covariates. Kept apart from
 * {@link CoxPh} so the loop can be read against R's: the first Newton step is always taken; convergence is
 * tested on the log-likelihood only, and only when the score and information are finite; a worse or
 * non-finite step is halved towards the best β so far; after the last allowed iteration the best β is
 * evaluated again and reported as not converged.
 */
final class NewtonRaphson {
    record Result(double[] beta, double[] score, double[][] inverse, double logLikelihoodNull,
            double logLikelihood, double scoreTest, int iterations, boolean converged) {
    }

    private NewtonRaphson() {
    }

    static Result run(CoxLikelihood likelihood, java.util.List<String> names, CoxOptions options) {
        int p = names.size();
        double[] beta = new double[p];
        CoxLikelihood.Evaluation e = likelihood.evaluate(beta);
        double loglik0 = e.logLikelihood();
        Ldl ldl = Ldl.decompose(e.information(), Ldl.DEFAULT_TOLERANCE);
        if (ldl.rank() < p) {
            for (int j = 0; j < p; j++) {
                if (ldl.singular(j)) {
                    throw new IllegalArgumentException("covariate " + names.get(j) + " is a linear combination of the "
                            + "others at beta = 0 (information matrix singular)");
                }
            }
        }
        double[] step = ldl.solve(e.score());
        double scoreTest = 0;
        for (int j = 0; j < p; j++) {
            scoreTest += e.score()[j] * step[j];
        }
        double best = loglik0;
        double[] newBeta = new double[p];
        for (int j = 0; j < p; j++) {
            newBeta[j] = beta[j] + step[j];
        }
        int halving = 0;
        for (int iter = 1; iter <= options.maxIterations(); iter++) {
            e = likelihood.evaluate(newBeta);
            double newLik = e.logLikelihood();
            ldl = Ldl.decompose(e.information(), Ldl.DEFAULT_TOLERANCE);
            boolean finite = Double.isFinite(newLik);
            for (int j = 0; j < p && finite; j++) {
                finite = Double.isFinite(e.score()[j]);
                for (int k = 0; k < p && finite; k++) {
                    finite = Double.isFinite(e.information()[j][k]);
                }
            }
            if (finite && Math.abs(1 - best / newLik) <= options.eps()) {
                return new Result(newBeta, e.score(), ldl.inverse(), loglik0, newLik, scoreTest, iter, true);
            }
            if (!finite || newLik < best) {
                halving++;
                for (int j = 0; j < p; j++) {
                    newBeta[j] = (newBeta[j] + halving * beta[j]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = newLik;
                double[] delta = ldl.solve(e.score());
                for (int j = 0; j < p; j++) {
                    beta[j] = newBeta[j];
                    newBeta[j] += delta[j];
                }
            }
        }
        e = likelihood.evaluate(beta);
        ldl = Ldl.decompose(e.information(), Ldl.DEFAULT_TOLERANCE);
        return new Result(beta, e.score(), ldl.inverse(), loglik0, e.logLikelihood(), scoreTest,
                options.maxIterations(), false);
    }
}
