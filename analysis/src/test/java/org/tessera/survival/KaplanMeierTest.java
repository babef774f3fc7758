package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.survival.Near.assertNear;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Kaplan-Meier curves, medians and numbers at risk against R 4.2.2 / survival 3.5.3, to 1e-6 relative.
 * Every-event-time tables are in {@link GbsgKaplanMeierExpected}; the other numbers were printed by
 * (g prints with sprintf("%.17g")):
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * f &lt;- survfit(Surv(time, cens) ~ 1, data = d, conf.type = "log-log"); q &lt;- quantile(f, 0.5)
 *   # 1807, lower 1528, upper 2018        (conf.type = "log": 1807, 1587, 2030)
 * f &lt;- survfit(Surv(time, cens) ~ horTh, data = d, conf.type = "log-log"); quantile(f, 0.5)
 *   # no: 1528 (1280, 1814); yes: 2018 (1918, NA)   (conf.type = "log": no 1528 (1296, 1814), yes 2018 (1918, NA))
 * s &lt;- summary(survfit(Surv(time, cens) ~ 1, data = d, conf.type = "log-log"),
 *              times = c(0, 365, 730, 1095.5, 1825, 2659, 3000), extend = TRUE)
 *   # printed below in summaryAtTimesMatchesR
 * t &lt;- c(1,2,3,4); e &lt;- c(1,1,1,1); quantile(survfit(Surv(t, e) ~ 1, conf.type = "log-log"), 0.5)   # 2.5 (1, NA)
 * t &lt;- c(1,2,3,4); e &lt;- c(1,1,0,0); quantile(survfit(Surv(t, e) ~ 1, conf.type = "log-log"), 0.5)   # 3 (1, NA)
 * t &lt;- c(2,2,2,3,3,5,5,5,8,9,9,12); e &lt;- c(1,1,0,1,0,1,1,1,0,1,0,1)
 * f &lt;- survfit(Surv(t, e) ~ 1, conf.type = "log-log")   # printed below in tiedTimesMatchR
 * v &lt;- read.csv("/work/shared/cohorts/vdx/clinical.csv")
 * f &lt;- survfit(Surv(t.dmfs, e.dmfs) ~ er, data = v, conf.type = "log-log")   # event rows in VDX_BY_ER
 * quantile(f, 0.5)   # NA for both groups
 * </pre>
 */
class KaplanMeierTest {
    private static SurvivalData gbsg() {
        Cohorts c = Cohorts.gbsg2();
        return c.survival("time", "cens").withGroups(c.labels("horTh"));
    }

    private static void assertStep(String[] r, int offset, KaplanMeierStep s, String what) {
        assertNear(Double.parseDouble(r[offset]), s.time(), what + " time");
        assertEquals(Integer.parseInt(r[offset + 1]), s.nRisk(), what + " n.risk");
        assertEquals(Integer.parseInt(r[offset + 2]), s.nEvent(), what + " n.event");
        assertEquals(Integer.parseInt(r[offset + 3]), s.nCensor(), what + " n.censor");
        assertNear(Double.parseDouble(r[offset + 4]), s.survival(), what + " surv");
        assertNear(Double.parseDouble(r[offset + 5]), s.stdErr(), what + " std.err");
        assertNear(Double.parseDouble(r[offset + 6]), s.lower(), what + " lower");
        assertNear(Double.parseDouble(r[offset + 7]), s.upper(), what + " upper");
    }

    private static void assertQuantile(double q, double lower, double upper, Optional<SurvivalQuantile> actual,
            String what) {
        assertTrue(actual.isPresent(), what + " reached");
        assertNear(q, actual.get().time(), what + " estimate");
        assertNear(lower, actual.get().lower().orElseThrow(), what + " lower");
        if (Double.isNaN(upper)) {
            assertEquals(OptionalDouble.empty(), actual.get().upper(), what + " upper is NA in R");
        } else {
            assertNear(upper, actual.get().upper().orElseThrow(), what + " upper");
        }
    }

    @Test
    void overallCurveWithLogLogIntervalsMatchesRAtEveryEventTime() {
        KaplanMeierFit fit = KaplanMeier.fit(gbsg());
        assertEquals(574, fit.steps().size(), "one step per distinct time, as survfit");
        List<KaplanMeierStep> events = fit.eventSteps();
        String[] lines = GbsgKaplanMeierExpected.OVERALL.strip().split("\n");
        assertEquals(lines.length, events.size());
        for (int i = 0; i < lines.length; i++) {
            assertStep(lines[i].split(","), 0, events.get(i), "row " + i);
        }
    }

    @Test
    void overallCurveWithLogIntervalsMatchesRAtEveryEventTime() {
        List<KaplanMeierStep> events = KaplanMeier.fit(gbsg(), ConfidenceType.LOG, 0.95).eventSteps();
        String[] lines = GbsgKaplanMeierExpected.OVERALL.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] r = lines[i].split(",");
            assertNear(Double.parseDouble(r[8]), events.get(i).lower(), "log lower row " + i);
            assertNear(Double.parseDouble(r[9]), events.get(i).upper(), "log upper row " + i);
        }
    }

    @Test
    void curvesByHormonalTherapyMatchRAtEveryEventTime() {
        Map<String, KaplanMeierFit> fits = KaplanMeier.fitByGroup(gbsg());
        assertEquals(List.of("no", "yes"), List.copyOf(fits.keySet()));
        String[] lines = GbsgKaplanMeierExpected.BY_HORMONAL_THERAPY.strip().split("\n");
        int[] next = new int[2];
        for (String line : lines) {
            String[] r = line.split(",");
            int g = r[0].equals("no") ? 0 : 1;
            assertStep(r, 1, fits.get(r[0]).eventSteps().get(next[g]++), r[0] + " " + r[1]);
        }
        assertEquals(fits.get("no").eventSteps().size(), next[0]);
        assertEquals(fits.get("yes").eventSteps().size(), next[1]);
    }

    @Test
    void medianWithBothIntervalTypesMatchesR() {
        assertQuantile(1807, 1528, 2018, KaplanMeier.fit(gbsg()).median(), "log-log");
        assertQuantile(1807, 1587, 2030, KaplanMeier.fit(gbsg(), ConfidenceType.LOG, 0.95).median(), "log");
    }

    @Test
    void mediansByGroupReportUnreachedUpperLimitAsEmpty() {
        Map<String, KaplanMeierFit> ll = KaplanMeier.fitByGroup(gbsg());
        assertQuantile(1528, 1280, 1814, ll.get("no").median(), "no log-log");
        assertQuantile(2018, 1918, Double.NaN, ll.get("yes").median(), "yes log-log");
        Map<String, KaplanMeierFit> log = KaplanMeier.fitByGroup(gbsg(), ConfidenceType.LOG, 0.95);
        assertQuantile(1528, 1296, 1814, log.get("no").median(), "no log");
        assertQuantile(2018, 1918, Double.NaN, log.get("yes").median(), "yes log");
    }

    @Test
    void summaryAtTimesMatchesR() {
        double[] times = {0, 365, 730, 1095.5, 1825, 2659, 3000};
        int[] nRisk = {686, 602, 459, 331, 123, 1, 0};
        int[] nEvent = {0, 56, 109, 59, 61, 14, 0};
        int[] nCensor = {0, 28, 35, 68, 147, 109, 0};
        double[] surv = {1, 0.91555810428584572, 0.74623062627006365, 0.64262038237957642, 0.49164487029400528,
            0.34275848992946911, 0.34275848992946911};
        // summary.survfit's std.err is that of S: S * fit$std.err
        double[] se = {0, 0.010799213702930978, 0.017099187634279551, 0.019349827845303764, 0.023003987978219721,
            0.048838234084321919, 0.048838234084321919};
        double[] lower = {1, 0.89167677810807189, 0.71087424296515067, 0.60330247923484082, 0.44579722366615948,
            0.249125254796111, 0.249125254796111};
        double[] upper = {1, 0.93436871472858096, 0.77795593640043492, 0.67912258536853187, 0.53581418856747032,
            0.43827395828935267, 0.43827395828935267};
        List<KaplanMeierStep> rows = KaplanMeier.fit(gbsg()).at(times);
        for (int i = 0; i < times.length; i++) {
            KaplanMeierStep r = rows.get(i);
            String what = "t=" + times[i];
            assertEquals(nRisk[i], r.nRisk(), what + " n.risk");
            assertEquals(nEvent[i], r.nEvent(), what + " n.event");
            assertEquals(nCensor[i], r.nCensor(), what + " n.censor");
            assertNear(surv[i], r.survival(), what + " surv");
            assertNear(se[i], r.survivalStdErr(), what + " std.err");
            assertNear(lower[i], r.lower(), what + " lower");
            assertNear(upper[i], r.upper(), what + " upper");
        }
    }

    @Test
    void medianOverAFlatStretchAtExactlyOneHalfIsItsMidpoint() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new int[] {1, 1, 1, 1});
        assertQuantile(2.5, 1, Double.NaN, KaplanMeier.fit(d).median(), "log-log");
        assertQuantile(2.5, 1, Double.NaN, KaplanMeier.fit(d, ConfidenceType.LOG, 0.95).median(), "log");
    }

    @Test
    void medianOfACurveEndingAtExactlyOneHalfIsMidpointToLastFollowUp() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new int[] {1, 1, 0, 0});
        assertQuantile(3, 1, Double.NaN, KaplanMeier.fit(d).median(), "log-log");
    }

    @Test
    void tiedTimesMatchR() {
        SurvivalData d = SurvivalData.of(new double[] {2, 2, 2, 3, 3, 5, 5, 5, 8, 9, 9, 12},
                new int[] {1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1});
        KaplanMeierFit fit = KaplanMeier.fit(d);
        double[] time = {2, 3, 5, 8, 9, 12};
        int[] nRisk = {12, 9, 7, 4, 3, 1};
        int[] nEvent = {2, 1, 3, 0, 1, 1};
        int[] nCensor = {1, 1, 0, 1, 1, 0};
        double[] surv = {0.83333333333333337, 0.7407407407407407, 0.42328042328042326, 0.42328042328042326,
            0.2821869488536155, 0};
        double[] se = {0.12909944487358055, 0.17480147469502524, 0.37107736753730036, 0.37107736753730036,
            0.5516929212569972};
        double[] lower = {0.48171494219537886, 0.39067612760778192, 0.13488216416536594, 0.13488216416536594,
            0.051103551593383624};
        double[] upper = {0.95550936572806489, 0.9086238694040617, 0.69146627466060029, 0.69146627466060029,
            0.58377053376782928};
        for (int i = 0; i < time.length; i++) {
            KaplanMeierStep s = fit.steps().get(i);
            assertEquals(time[i], s.time());
            assertEquals(nRisk[i], s.nRisk());
            assertEquals(nEvent[i], s.nEvent());
            assertEquals(nCensor[i], s.nCensor());
            assertNear(surv[i], s.survival(), "surv " + i);
            if (i < 5) {
                assertNear(se[i], s.stdErr(), "std.err " + i);
                assertNear(lower[i], s.lower(), "lower " + i);
                assertNear(upper[i], s.upper(), "upper " + i);
            }
        }
        assertQuantile(5, 2, Double.NaN, fit.median(), "median");
    }

    @Test
    void curveReachingZeroHasInfiniteStdErrAndDegenerateIntervalWhereRSaysNA() {
        SurvivalData d = SurvivalData.of(new double[] {2, 3, 5, 12}, new int[] {1, 0, 1, 1});
        KaplanMeierStep last = KaplanMeier.fit(d).steps().getLast();
        assertEquals(0.0, last.survival());
        assertEquals(Double.POSITIVE_INFINITY, last.stdErr());
        assertEquals(0.0, last.lower());
        assertEquals(0.0, last.upper());
        assertEquals(0.0, last.survivalStdErr());
    }

    @Test
    void allCensoredCurveIsFlatAtOneWithNoMedian() {
        SurvivalData d = SurvivalData.of(new double[] {5, 1, 3, 3}, new int[] {0, 0, 0, 0});
        KaplanMeierFit fit = KaplanMeier.fit(d);
        for (KaplanMeierStep s : fit.steps()) {
            assertEquals(1.0, s.survival());
            assertEquals(0.0, s.stdErr());
            assertEquals(1.0, s.lower());
            assertEquals(1.0, s.upper());
        }
        assertEquals(List.of(1, 2, 1), fit.steps().stream().map(KaplanMeierStep::nCensor).toList());
        assertEquals(Optional.empty(), fit.median());
    }

    @Test
    void vdxDistantMetastasisByErMatchesRAndHasNoMedian() {
        Cohorts c = Cohorts.vdx();
        SurvivalData d = c.survival("t.dmfs", "e.dmfs").withGroups(c.labels("er"));
        Map<String, KaplanMeierFit> fits = KaplanMeier.fitByGroup(d);
        int[] next = new int[2];
        for (String line : VDX_BY_ER.strip().split("\n")) {
            String[] r = line.split(",");
            String g = r[0].substring(3);
            assertStep(r, 1, fits.get(g).eventSteps().get(next[Integer.parseInt(g)]++), line);
        }
        assertEquals(fits.get("0").eventSteps().size(), next[0]);
        assertEquals(fits.get("1").eventSteps().size(), next[1]);
        assertEquals(Optional.empty(), fits.get("0").median());
        assertEquals(Optional.empty(), fits.get("1").median());
    }

    @Test
    void invalidArgumentsAreRejectedWithTheBadValue() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2}, new int[] {1, 0});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(d, ConfidenceType.LOG, 1.5))
                .getMessage().contains("1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(d).at(3, 2))
                .getMessage().contains("2.0"));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fitByGroup(d));
    }

    /** write.table of the VDX fit's event rows, sprintf("%.12g"): strata, time, n.risk, n.event, n.censor, ... */
    private static final String VDX_BY_ER = """
            er=0,133,65,1,0,0.984615384615,0.0155043418237,0.895773679591,0.997818452026
            er=0,183,64,2,0,0.953846153846,0.0272840039849,0.863703043673,0.984877054845
            er=0,213,62,1,0,0.938461538462,0.0317620408402,0.84429482985,0.97644799266
            er=0,307,61,1,0,0.923076923077,0.035805743702,0.82501802081,0.967240404452
            er=0,335,60,2,0,0.892307692308,0.0430901836354,0.787331425276,0.94714855826
            er=0,365,58,1,0,0.876923076923,0.0464676690238,0.768932897612,0.936460332718
            er=0,372,57,1,0,0.861538461538,0.0497245158099,0.750806897461,0.925428387563
            er=0,395,56,1,0,0.846153846154,0.0528885885348,0.732932406352,0.9140962024
            er=0,426,55,2,0,0.815384615385,0.0590195657701,0.697862477689,0.890658763972
            er=0,548,53,1,0,0.8,0.0620173672946,0.680634850673,0.878601729625
            er=0,657,52,1,0,0.784615384615,0.0649863658981,0.663594140534,0.866344007135
            er=0,719,51,1,0,0.769230769231,0.0679366220487,0.646729120164,0.853900282531
            er=0,760,50,2,0,0.738461538462,0.0738154316435,0.613488560148,0.828502276852
            er=0,882,48,1,0,0.723076923077,0.0767592363176,0.597097270737,0.815567360238
            er=0,913,47,1,0,0.707692307692,0.0797152121628,0.580849834374,0.802485789547
            er=0,1267,46,1,0,0.692307692308,0.0826898230595,0.564740710625,0.789264156748
            er=0,1460,45,1,0,0.676923076923,0.0856893070497,0.548765080097,0.775908158559
            er=1,61,85,1,0,0.988235294118,0.0118345267083,0.919417813604,0.998334364725
            er=1,213,84,1,0,0.976470588235,0.0168370688878,0.909183328795,0.994062902233
            er=1,243,83,1,0,0.964705882353,0.0207464712389,0.894566114573,0.98847874677
            er=1,274,82,1,0,0.952941176471,0.0241033842021,0.879464337988,0.9820732377
            er=1,426,81,1,0,0.941176470588,0.0271163072273,0.864441146938,0.975085356465
            er=1,456,80,2,0,0.917647058824,0.032493182949,0.835007581074,0.959865286276
            er=1,487,78,1,0,0.905882352941,0.0349615089014,0.820608743989,0.951782607101
            er=1,548,77,2,0,0.882352941176,0.0396059017191,0.79237878327,0.934898442341
            er=1,608,75,1,0,0.870588235294,0.0418187473648,0.778517196683,0.926155859254
            er=1,852,74,1,0,0.858823529412,0.0439764056584,0.764806544659,0.917241932839
            er=1,913,73,1,0,0.847058823529,0.0460888598962,0.751235351872,0.908173194549
            er=1,1004,72,1,0,0.835294117647,0.0481643141745,0.73779361945,0.898963250348
            er=1,1125,71,1,0,0.823529411765,0.0502096445253,0.724472638837,0.889623453995
            er=1,1308,70,1,0,0.811764705882,0.0522307164496,0.711264810249,0.880163391724
            er=1,1338,69,1,0,0.8,0.0542326144547,0.698163481089,0.870591239257
            er=1,1460,68,1,0,0.788235294118,0.0562198119169,0.685162807562,0.860914030062
            er=1,1551,67,2,0,0.764705882353,0.0601656837596,0.659443416546,0.841268048803
            er=1,1764,62,1,0,0.752371916509,0.062324312007,0.645911885843,0.83092910125
            er=1,1825,60,1,1,0.739832384567,0.0645507997073,0.632198930582,0.820356226287
            er=1,1947,58,1,0,0.727076653798,0.0668527193286,0.618295211213,0.809541580775
            er=1,2008,57,1,1,0.71432092303,0.0691561225753,0.604508409532,0.798628916987
            er=1,2342,55,1,1,0.701333269884,0.071549071457,0.590512486296,0.787464935289
            er=1,2433,52,1,0,0.687846091617,0.0741373288758,0.575943673362,0.77586763003
            """;
}
