package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tessera.survival.Near.assertNear;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Harrell's C against R 4.2.2 / survival 3.5.3:
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * c1 &lt;- concordance(Surv(time, cens) ~ pnodes, data = d, reverse = TRUE)
 * c1$count        # concordant 78870, discordant 40214, tied.x 13988, tied.y 30, tied.xy 2
 * c1$concordance  # 0.64524467957196108
 * </pre>
 *
 * The same counts were reproduced in R by a brute-force loop over ordered pairs (an event at t_i is
 * comparable with j when t_j &gt; t_i, or t_j = t_i and j is censored; tied events go to tied.y/tied.xy),
 * which is the rule {@link Concordance} states. Coxph's concordance is tested in {@link CoxPhTest}.
 */
class ConcordanceTest {
    private static List<Long> counts(ConcordanceResult c) {
        return List.of(c.concordant(), c.discordant(), c.tiedX(), c.tiedY(), c.tiedXY());
    }

    @Test
    void nodesAsARiskScoreMatchesConcordanceWithReverse() {
        Cohorts c = Cohorts.gbsg2();
        ConcordanceResult r = Concordance.ofRiskScore(c.survival("time", "cens"), c.numbers("pnodes"));
        assertEquals(List.of(78870L, 40214L, 13988L, 30L, 2L), counts(r));
        assertNear(0.64524467957196108, r.concordance(), "C");
    }

    @Test
    void survivalPredictionDirectionSwapsConcordantAndDiscordant() {
        Cohorts c = Cohorts.gbsg2();
        ConcordanceResult r = Concordance.ofSurvivalPrediction(c.survival("time", "cens"), c.numbers("pnodes"));
        assertEquals(List.of(40214L, 78870L, 13988L, 30L, 2L), counts(r));
        assertNear(1 - 0.64524467957196108, r.concordance(), "C");
    }

    @Test
    void censoredAtTheSameTimeAsAnEventIsComparable() {
        SurvivalData d = SurvivalData.of(new double[] {5, 5}, new int[] {1, 0});
        assertEquals(List.of(1L, 0L, 0L, 0L, 0L), counts(Concordance.ofRiskScore(d, new double[] {2, 1})));
    }

    @Test
    void noComparablePairIsRejected() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRiskScore(d, new double[] {1, 2}));
    }

    @Test
    void nonFiniteScoreIsRejectedNamingTheRow() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2}, new int[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concordance.ofRiskScore(d, new double[] {1, Double.NaN}));
        assertEquals("prediction must be finite: row 1 has NaN", e.getMessage());
    }
}
