package org.tessera.survival;

import java.util.Arrays;

/**
 * Cox partial log-likelihood, score vector and information matrix at a given β, over risk sets within
 * strata. Rows are walked from the latest time down so each risk set is the previous one plus the rows at
 * the current time; everyone at a time, censored or not, is in its risk set.
 *
 * <p>Ties: Breslow uses the full risk set for every tied event; Efron's r-th of d tied events (r = 0..d-1)
 * sees the risk set with r/d of the tied events' weight removed (R's coxfit6 adds the same terms in the
 * reverse order).
 */
final class CoxLikelihood {
    /** The three quantities at one β. */
    record Evaluation(double logLikelihood, double[] score, double[][] information) {
    }

    private final double[][] x; // [covariate][row], already centred and scaled
    private final double[] time;
    private final boolean[] event;
    private final int[] order; // rows by stratum, then time descending
    private final int[] stratum;
    private final Ties ties;

    CoxLikelihood(double[][] x, double[] time, boolean[] event, int[] stratum, Ties ties) {
        this.x = x;
        this.time = time;
        this.event = event;
        this.stratum = stratum;
        this.ties = ties;
        this.order = java.util.stream.IntStream.range(0, time.length).boxed()
                .sorted((a, b) -> stratum[a] != stratum[b] ? Integer.compare(stratum[a], stratum[b])
                        : Double.compare(time[b], time[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    Evaluation evaluate(double[] beta) {
        int p = x.length;
        double loglik = 0;
        double[] u = new double[p];
        double[][] imat = new double[p][p];
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        for (int i = 0; i < order.length; ) {
            int row0 = order[i];
            if (i == 0 || stratum[row0] != stratum[order[i - 1]]) { // new stratum: empty risk set
                s0 = 0;
                Arrays.fill(s1, 0);
                for (double[] r : s2) {
                    Arrays.fill(r, 0);
                }
            }
            double t = time[row0];
            int deaths = 0;
            double d0 = 0;
            double[] d1 = new double[p];
            double[][] d2 = new double[p][p];
            while (i < order.length && time[order[i]] == t && stratum[order[i]] == stratum[row0]) {
                int row = order[i++];
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += beta[j] * x[j][row];
                }
                double risk = Math.exp(eta);
                s0 += risk;
                for (int j = 0; j < p; j++) {
                    s1[j] += risk * x[j][row];
                    for (int k = 0; k <= j; k++) {
                        s2[j][k] += risk * x[j][row] * x[k][row];
                    }
                }
                if (event[row]) {
                    deaths++;
                    loglik += eta;
                    d0 += risk;
                    for (int j = 0; j < p; j++) {
                        u[j] += x[j][row];
                        d1[j] += risk * x[j][row];
                        for (int k = 0; k <= j; k++) {
                            d2[j][k] += risk * x[j][row] * x[k][row];
                        }
                    }
                }
            }
            if (deaths == 0) {
                continue;
            }
            boolean efron = ties == Ties.EFRON && deaths > 1;
            int terms = efron ? deaths : 1;
            double weight = efron ? 1 : deaths;
            for (int r = 0; r < terms; r++) {
                double frac = efron ? (double) r / deaths : 0;
                double denom = s0 - frac * d0;
                loglik -= weight * Math.log(denom);
                double[] mean = new double[p];
                for (int j = 0; j < p; j++) {
                    mean[j] = (s1[j] - frac * d1[j]) / denom;
                    u[j] -= weight * mean[j];
                }
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k <= j; k++) {
                        imat[j][k] += weight * ((s2[j][k] - frac * d2[j][k]) / denom - mean[j] * mean[k]);
                    }
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                imat[k][j] = imat[j][k];
            }
        }
        return new Evaluation(loglik, u, imat);
    }
}
