package org.tessera.survival;

import java.util.Optional;

/**
 * Harrell's C-index with the pair rules of R's {@code survival::concordance} (3.5): a pair (i, j) is
 * comparable when i has an event and j is still under observation after it, which includes j censored at
 * the same time as i's event (a censored patient is taken to outlive an event at the same time); two events
 * at the same time count as tiedY (tiedXY if their predictions tie too); pairs whose earlier member is
 * censored do not count. Ties in the prediction count 1/2. With strata, only pairs within a stratum count.
 *
 * <p>Pairs are enumerated directly, O(n²) per stratum: fine for cohorts of a few thousand patients.
 */
public final class Concordance {
    private Concordance() {
    }

    /**
     * C for a risk score: a higher score predicts an earlier event. This is R's
     * {@code concordance(Surv(time, status) ~ score, reverse = TRUE)} and the direction R's coxph uses for its
     * linear predictor. Stratified when {@code data} has strata.
     */
    public static ConcordanceResult ofRiskScore(SurvivalData data, double[] score) {
        return count(data, score, true);
    }

    /** {@link #ofRiskScore} when at least one pair is comparable, else empty (R's C would be NaN). */
    static Optional<ConcordanceResult> ofRiskScoreIfComparable(SurvivalData data, double[] score) {
        long[] c = pairs(data, score, true);
        return c[0] + c[1] + c[2] == 0
                ? Optional.empty()
                : Optional.of(ConcordanceResult.of(c[0], c[1], c[2], c[3], c[4]));
    }

    /**
     * C for a predicted survival time: a higher value predicts a later event, R's default
     * {@code concordance(Surv(time, status) ~ x)}.
     */
    public static ConcordanceResult ofSurvivalPrediction(SurvivalData data, double[] prediction) {
        return count(data, prediction, false);
    }

    private static ConcordanceResult count(SurvivalData data, double[] x, boolean higherIsRiskier) {
        long[] c = pairs(data, x, higherIsRiskier);
        return ConcordanceResult.of(c[0], c[1], c[2], c[3], c[4]);
    }

    /** {concordant, discordant, tiedX, tiedY, tiedXY}. */
    private static long[] pairs(SurvivalData data, double[] x, boolean higherIsRiskier) {
        if (x.length != data.size()) {
            throw new IllegalArgumentException("prediction has " + x.length + " values but data has " + data.size()
                    + " rows");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("prediction must be finite: row " + i + " has " + x[i]);
            }
        }
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        long tiedXY = 0;
        int n = data.size();
        for (int i = 0; i < n; i++) {
            if (!data.event(i)) {
                continue;
            }
            double ti = data.time(i);
            for (int j = 0; j < n; j++) {
                if (j == i || (data.hasStrata() && !data.strata().get(i).equals(data.strata().get(j)))) {
                    continue;
                }
                double tj = data.time(j);
                if (tj == ti && data.event(j)) {
                    if (j > i) { // count each tied pair of events once
                        if (x[i] == x[j]) {
                            tiedXY++;
                        } else {
                            tiedY++;
                        }
                    }
                    continue;
                }
                if (tj < ti) {
                    continue;
                }
                // i had its event first: concordant when i is predicted riskier
                if (x[i] == x[j]) {
                    tiedX++;
                } else if ((x[i] > x[j]) == higherIsRiskier) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return new long[] {concordant, discordant, tiedX, tiedY, tiedXY};
    }
}
