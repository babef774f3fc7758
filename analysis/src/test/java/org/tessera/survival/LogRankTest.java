package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.survival.Near.assertAllNear;
import static org.tessera.survival.Near.assertNear;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log-rank tests against R 4.2.2 / survival 3.5.3, to 1e-6 relative. Expected values printed by
 * (g prints with sprintf("%.17g")):
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * s &lt;- survdiff(Surv(time, cens) ~ horTh, data = d); g(s$chisq); g(s$obs); g(s$exp)
 * g(pchisq(s$chisq, 1, lower.tail = FALSE))
 * s &lt;- survdiff(Surv(time, cens) ~ tgrade, data = d)                      # df 2
 * s &lt;- survdiff(Surv(time, cens) ~ horTh + strata(menostat), data = d)
 * g(rowSums(s$obs)); g(rowSums(s$exp))
 * v &lt;- read.csv("/work/shared/cohorts/vdx/clinical.csv")
 * s &lt;- survdiff(Surv(t.dmfs, e.dmfs) ~ er, data = v)
 * s &lt;- survdiff(Surv(t.dmfs, e.dmfs) ~ grade, data = v)   # R drops the 64 rows with grade NA; df 2
 * t &lt;- c(2,2,2,3,3,5,5,5,8,9,9,12); e &lt;- c(1,1,0,1,0,1,1,1,0,1,0,1)
 * grp &lt;- c("a","b","a","b","a","b","a","b","a","b","a","b"); s &lt;- survdiff(Surv(t, e) ~ grp)
 * </pre>
 */
class LogRankTest {
    private static void assertLogRank(double chi, double p, int df, double[] observed, double[] expected,
            LogRankResult r) {
        assertNear(chi, r.chiSquare(), "chisq");
        assertNear(p, r.pValue(), "p");
        assertEquals(df, r.df(), "df");
        assertAllNear(observed, r.groups().stream().mapToDouble(LogRankGroup::observed).toArray(), "observed");
        assertAllNear(expected, r.groups().stream().mapToDouble(LogRankGroup::expected).toArray(), "expected");
    }

    @Test
    void hormonalTherapyInGbsg2MatchesSurvdiff() {
        Cohorts c = Cohorts.gbsg2();
        LogRankResult r = LogRank.test(c.survival("time", "cens").withGroups(c.labels("horTh")));
        assertLogRank(8.5647808535389558, 0.0034272822647459446, 1, new double[] {205, 94},
                new double[] {180.34308295833489, 118.65691704166495}, r);
        assertEquals(List.of("no", "yes"), r.groups().stream().map(LogRankGroup::group).toList());
        assertEquals(440, r.group("no").n());
        assertEquals(1, r.strata());
    }

    @Test
    void threeTumourGradesInGbsg2MatchSurvdiff() {
        Cohorts c = Cohorts.gbsg2();
        LogRankResult r = LogRank.test(c.survival("time", "cens").withGroups(c.labels("tgrade")));
        assertLogRank(21.094434587500949, 2.6266471138802548e-05, 2, new double[] {18, 202, 79},
                new double[] {42.162320350595003, 198.20957731990978, 58.628102329495171}, r);
    }

    @Test
    void stratifiedByMenopausalStatusMatchesSurvdiffWithStrata() {
        Cohorts c = Cohorts.gbsg2();
        LogRankResult r = LogRank.test(c.survival("time", "cens").withGroups(c.labels("horTh"))
                .withStrata(c.labels("menostat")));
        assertLogRank(9.5117757722844019, 0.0020415750056954609, 1, new double[] {205, 94},
                new double[] {179.84585075376211, 119.15414924623786}, r);
        assertEquals(2, r.strata());
    }

    @Test
    void vdxDistantMetastasisByErMatchesSurvdiff() {
        Cohorts c = Cohorts.vdx();
        LogRankResult r = LogRank.test(c.survival("t.dmfs", "e.dmfs").withGroups(c.labels("er")));
        assertLogRank(0.31380198365285417, 0.57535645357629162, 1, new double[] {21, 26},
                new double[] {19.118656703545639, 27.881343296454354}, r);
    }

    @Test
    void vdxByGradeWithMissingGradesDroppedExplicitlyMatchesSurvdiff() {
        Cohorts c = Cohorts.vdx();
        List<String> grade = c.labels("grade");
        boolean[] known = new boolean[grade.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = grade.get(i) != null;
        }
        SurvivalData d = c.survival("t.dmfs", "e.dmfs").subset(known)
                .withGroups(grade.stream().filter(g -> g != null).toList());
        LogRankResult r = LogRank.test(d);
        assertLogRank(0.91647432061276712, 0.63239747884151754, 2, new double[] {0, 3, 28},
                new double[] {0.45494368890441667, 4.2130722107464651, 26.331984100349118}, r);
        assertEquals(List.of(1, 11, 74), r.groups().stream().map(LogRankGroup::n).toList());
    }

    @Test
    void tiedTimesMatchSurvdiff() {
        SurvivalData d = SurvivalData.of(new double[] {2, 2, 2, 3, 3, 5, 5, 5, 8, 9, 9, 12},
                new int[] {1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1})
                .withGroups(List.of("a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"));
        LogRankResult r = LogRank.test(d);
        assertNear(0.80016528657775865, r.chiSquare(), "chisq");
        assertAllNear(new double[] {3.0634920634920633, 4.9365079365079358},
                r.groups().stream().mapToDouble(LogRankGroup::expected).toArray(), "expected");
    }

    @Test
    void singleGroupIsRejected() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {1, 1, 0})
                .withGroups(List.of("a", "a", "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogRank.test(d));
        assertTrue(e.getMessage().contains("[a]"), e.getMessage());
    }

    @Test
    void noEventsIsRejected() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {0, 0, 0})
                .withGroups(List.of("a", "b", "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogRank.test(d));
        assertTrue(e.getMessage().contains("censored"), e.getMessage());
    }

    @Test
    void missingGroupLabelsAreRejected() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {1, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> LogRank.test(d));
    }
}
