package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.survival.Near.assertAllNear;
import static org.tessera.survival.Near.assertNear;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cox models against R 4.2.2 / survival 3.5.3, to 1e-6 relative. Expected values printed by
 * (g prints with sprintf("%.17g")):
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * for (ties in c("efron", "breslow")) {
 *   m &lt;- coxph(Surv(time, cens) ~ age + tsize + pnodes + horTh, data = d, ties = ties)
 *   g(coef(m)); g(sqrt(diag(vcov(m)))); g(exp(confint(m))); g(summary(m)$coefficients[, 5])
 *   g(m$loglik); g(c(m$wald.test, summary(m)$waldtest)); g(c(m$score, summary(m)$sctest))
 *   g(summary(m)$logtest); g(m$iter); g(m$concordance)
 * }
 * m &lt;- coxph(Surv(time, cens) ~ age + tsize + pnodes + horTh + strata(menostat), data = d)
 * g(coef(m)); g(sqrt(diag(vcov(m)))); g(m$loglik); g(m$score); g(m$wald.test); g(m$concordance)
 * v &lt;- read.csv("/work/shared/cohorts/vdx/clinical.csv")
 * cc &lt;- v[complete.cases(v[, c("t.dmfs", "e.dmfs", "er", "age", "size", "grade")]), ]   # 86 rows, 31 events
 * m &lt;- coxph(Surv(t.dmfs, e.dmfs) ~ er + age + size + grade, data = cc)
 * g(coef(m)); g(sqrt(diag(vcov(m)))); g(exp(confint(m))); g(summary(m)$coefficients[, 5]); g(m$loglik)
 * g(m$wald.test); g(m$score); g(summary(m)$logtest); g(m$concordance)
 * t &lt;- c(2,2,2,3,3,5,5,5,8,9,9,12); e &lt;- c(1,1,0,1,0,1,1,1,0,1,0,1)
 * x &lt;- c(1.5, 0.2, 3.1, 0.7, 2.2, 1.1, 0.3, 2.8, 1.9, 0.4, 2.5, 0.9)
 * for (ties in c("efron", "breslow")) { m &lt;- coxph(Surv(t, e) ~ x, ties = ties)
 *   g(coef(m)); g(sqrt(vcov(m))); g(m$loglik); g(m$score) }
 * t &lt;- 1:8; e &lt;- rep(1, 8); x &lt;- c(1,1,1,1,0,0,0,0); m &lt;- coxph(Surv(t, e) ~ x)
 *   # Warning: Loglik converged before variable  1 ; coefficient may be infinite.
 *   # coef 22.110377198487551, se 21917.853927138058, iter 20
 * </pre>
 *
 * VDX has missing age, size and grade: rows missing any of them are dropped explicitly with
 * {@link Covariate#completeRows(List)} before fitting, as R's complete.cases above (coxph's default
 * na.omit drops the same rows).
 */
class CoxPhTest {
    private record Gbsg(SurvivalData data, List<Covariate> covariates) {
    }

    private static Gbsg gbsg() {
        Cohorts c = Cohorts.gbsg2();
        List<Covariate> x = new ArrayList<>();
        x.add(Covariate.continuous("age", c.numbers("age")));
        x.add(Covariate.continuous("tsize", c.numbers("tsize")));
        x.add(Covariate.continuous("pnodes", c.numbers("pnodes")));
        x.addAll(Covariate.indicators("horTh", c.labels("horTh"), "no"));
        return new Gbsg(c.survival("time", "cens"), x);
    }

    private static double[] column(CoxFit fit, java.util.function.ToDoubleFunction<CoxCoefficient> f) {
        return fit.coefficients().stream().mapToDouble(f).toArray();
    }

    @Test
    void efronFitOfGbsg2MatchesCoxph() {
        Gbsg g = gbsg();
        CoxFit fit = CoxPh.fit(g.data(), g.covariates());
        assertEquals(List.of("age", "tsize", "pnodes", "horThyes"),
                fit.coefficients().stream().map(CoxCoefficient::name).toList());
        assertAllNear(new double[] {-0.00030201774136662647, 0.007414234699733421, 0.052387298551185353,
            -0.36280255199080991}, column(fit, CoxCoefficient::coef), "coef");
        assertAllNear(new double[] {0.0060355432569482162, 0.0038602727935849396, 0.0073306991383256491,
            0.12810506929722362}, column(fit, CoxCoefficient::se), "se");
        assertAllNear(new double[] {0.98794182440198508, 0.99984825056891702, 1.0387513764184624,
            0.5412446555155388}, column(fit, CoxCoefficient::lower), "HR lower");
        assertAllNear(new double[] {1.0115941265214898, 1.0150929963796869, 1.0690337518569735,
            0.89429352502203951}, column(fit, CoxCoefficient::upper), "HR upper");
        assertAllNear(new double[] {0.96009062417304858, 0.054775789618623186, 8.9154910211686026e-13,
            0.0046247690907504609}, column(fit, CoxCoefficient::pValue), "p");
        assertNear(-1788.1047371230682, fit.logLikelihoodNull(), "loglik0");
        assertNear(-1757.095754955862, fit.logLikelihood(), "loglik");
        assertNear(87.700409164245769, fit.wald().statistic(), "wald");
        assertNear(4.0538021441239935e-18, fit.wald().pValue(), "wald p");
        assertNear(90.833900470546226, fit.score().statistic(), "score");
        assertNear(8.7568060380332492e-19, fit.score().pValue(), "score p");
        assertNear(62.017964334412227, fit.likelihoodRatio().statistic(), "LR");
        assertNear(1.0920487343587237e-12, fit.likelihoodRatio().pValue(), "LR p");
        assertEquals(4, fit.likelihoodRatio().df());
        assertEquals(5, fit.iterations());
        assertTrue(fit.clean());
        assertEquals(686, fit.n());
        assertEquals(299, fit.events());
    }

    @Test
    void breslowFitOfGbsg2MatchesCoxph() {
        Gbsg g = gbsg();
        CoxFit fit = CoxPh.fit(g.data(), g.covariates(), CoxOptions.withTies(Ties.BRESLOW));
        assertAllNear(new double[] {-0.00030284030401537783, 0.0074150174206719047, 0.052381353852511872,
            -0.36272345179288562}, column(fit, CoxCoefficient::coef), "coef");
        assertAllNear(new double[] {0.0060352317141322996, 0.0038603532936659036, 0.0073315882245307022,
            0.12810379850112724}, column(fit, CoxCoefficient::se), "se");
        assertAllNear(new double[] {0.9879416150077871, 0.99984887541795642, 1.0387433912810289,
            0.54128881796247341}, column(fit, CoxCoefficient::lower), "HR lower");
        assertAllNear(new double[] {1.0115926767307648, 1.0150939510732697, 1.0690292596564506,
            0.89436203901132616}, column(fit, CoxCoefficient::upper), "HR upper");
        assertAllNear(new double[] {0.95997995573983219, 0.054755266388949696, 9.0250388579222652e-13,
            0.0046333008498648243}, column(fit, CoxCoefficient::pValue), "p");
        assertNear(-1788.1731130436499, fit.logLikelihoodNull(), "loglik0");
        assertNear(-1757.1757706674182, fit.logLikelihood(), "loglik");
        assertNear(87.658519377031524, fit.wald().statistic(), "wald");
        assertNear(90.783476548348318, fit.score().statistic(), "score");
        assertNear(61.994684752463399, fit.likelihoodRatio().statistic(), "LR");
        assertNear(1.1044324557348607e-12, fit.likelihoodRatio().pValue(), "LR p");
        assertEquals(5, fit.iterations());
    }

    @Test
    void concordanceOfTheLinearPredictorMatchesCoxph() {
        Gbsg g = gbsg();
        ConcordanceResult efron = CoxPh.fit(g.data(), g.covariates()).concordance().orElseThrow();
        assertEquals(List.of(87496L, 45564L, 12L, 32L, 0L), List.of(efron.concordant(), efron.discordant(),
                efron.tiedX(), efron.tiedY(), efron.tiedXY()));
        assertNear(0.65755380545869901, efron.concordance(), "C efron");
        ConcordanceResult breslow = CoxPh.fit(g.data(), g.covariates(), CoxOptions.withTies(Ties.BRESLOW))
                .concordance().orElseThrow();
        assertEquals(87499L, breslow.concordant());
        assertNear(0.65757634964530476, breslow.concordance(), "C breslow");
    }

    @Test
    void stratifiedFitMatchesCoxphWithStrata() {
        Gbsg g = gbsg();
        SurvivalData d = g.data().withStrata(Cohorts.gbsg2().labels("menostat"));
        CoxFit fit = CoxPh.fit(d, g.covariates());
        assertAllNear(new double[] {-0.012461058857865182, 0.0077234633440638242, 0.052637516191987518,
            -0.3766340690669196}, column(fit, CoxCoefficient::coef), "coef");
        assertAllNear(new double[] {0.0089552490137692255, 0.0038829880070911458, 0.0073934035842799809,
            0.12860501678422132}, column(fit, CoxCoefficient::se), "se");
        assertNear(-1587.5609872717666, fit.logLikelihoodNull(), "loglik0");
        assertNear(-1554.9414036263067, fit.logLikelihood(), "loglik");
        assertNear(93.453530081213231, fit.score().statistic(), "score");
        assertNear(90.512156600391648, fit.wald().statistic(), "wald");
        ConcordanceResult c = fit.concordance().orElseThrow();
        assertEquals(List.of(45223L, 23137L, 10L, 18L, 0L),
                List.of(c.concordant(), c.discordant(), c.tiedX(), c.tiedY(), c.tiedXY()));
        assertNear(0.66151820974111453, c.concordance(), "C");
    }

    @Test
    void vdxFitOnCompleteRowsMatchesCoxph() {
        Cohorts c = Cohorts.vdx();
        List<Covariate> x = List.of(Covariate.continuous("er", c.numbers("er")),
                Covariate.continuous("age", c.numbers("age")), Covariate.continuous("size", c.numbers("size")),
                Covariate.continuous("grade", c.numbers("grade")));
        boolean[] complete = Covariate.completeRows(x);
        SurvivalData d = c.survival("t.dmfs", "e.dmfs").subset(complete);
        CoxFit fit = CoxPh.fit(d, x.stream().map(v -> v.subset(complete)).toList());
        assertEquals(86, fit.n());
        assertEquals(31, fit.events());
        assertAllNear(new double[] {-0.43311860372487865, -0.006341616725991317, -0.36671144937169631,
            0.42957964443215912}, column(fit, CoxCoefficient::coef), "coef");
        assertAllNear(new double[] {0.38300099181630631, 0.013897112741822929, 0.35464388699639843,
            0.58024717903343226}, column(fit, CoxCoefficient::se), "se");
        assertAllNear(new double[] {0.30611735002627966, 0.96697807481913589, 0.34583251036284368,
            0.49278420017779312}, column(fit, CoxCoefficient::lower), "HR lower");
        assertAllNear(new double[] {1.3737573077409566, 1.0211160785282341, 1.388713524275395,
            4.7914985753290038}, column(fit, CoxCoefficient::upper), "HR upper");
        assertAllNear(new double[] {0.25811610739110852, 0.6481554222891116, 0.30112341607379411,
            0.45909429276401897}, column(fit, CoxCoefficient::pValue), "p");
        assertNear(-131.22557643335708, fit.logLikelihoodNull(), "loglik0");
        assertNear(-129.37927558164145, fit.logLikelihood(), "loglik");
        assertNear(3.4917358335532294, fit.wald().statistic(), "wald");
        assertNear(3.5391890742116505, fit.score().statistic(), "score");
        assertNear(3.6926017034312508, fit.likelihoodRatio().statistic(), "LR");
        assertNear(0.4492028788663755, fit.likelihoodRatio().pValue(), "LR p");
        ConcordanceResult k = fit.concordance().orElseThrow();
        assertEquals(List.of(1271L, 849L, 7L, 7L, 0L),
                List.of(k.concordant(), k.discordant(), k.tiedX(), k.tiedY(), k.tiedXY()));
        assertNear(0.59920075223319236, k.concordance(), "C");
    }

    @Test
    void tiedEventTimesFollowEfronAndBreslowAsCoxph() {
        SurvivalData d = SurvivalData.of(new double[] {2, 2, 2, 3, 3, 5, 5, 5, 8, 9, 9, 12},
                new int[] {1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1});
        List<Covariate> x = List.of(Covariate.continuous("x",
                new double[] {1.5, 0.2, 3.1, 0.7, 2.2, 1.1, 0.3, 2.8, 1.9, 0.4, 2.5, 0.9}));
        CoxFit efron = CoxPh.fit(d, x);
        assertNear(-0.56181151572049692, efron.coefficients().getFirst().coef(), "efron coef");
        assertNear(0.48225979383394862, efron.coefficients().getFirst().se(), "efron se");
        assertNear(-13.525746319308169, efron.logLikelihoodNull(), "efron loglik0");
        assertNear(-12.746671198610171, efron.logLikelihood(), "efron loglik");
        assertNear(1.4484818077445816, efron.score().statistic(), "efron score");
        CoxFit breslow = CoxPh.fit(d, x, CoxOptions.withTies(Ties.BRESLOW));
        assertNear(-0.53817822756519318, breslow.coefficients().getFirst().coef(), "breslow coef");
        assertNear(0.47616794803660989, breslow.coefficients().getFirst().se(), "breslow se");
        assertNear(-14.103380612746271, breslow.logLikelihoodNull(), "breslow loglik0");
        assertNear(-13.372804055468116, breslow.logLikelihood(), "breslow loglik");
        assertNear(1.3576246834108543, breslow.score().statistic(), "breslow score");
    }

    @Test
    void separationIsFlaggedWithRsWarningNotNaN() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {1, 1, 1, 1, 1, 1, 1, 1});
        CoxFit fit = CoxPh.fit(d, List.of(Covariate.continuous("x", new double[] {1, 1, 1, 1, 0, 0, 0, 0})));
        assertFalse(fit.clean());
        assertEquals(List.of("x"), fit.possiblyInfinite());
        assertTrue(fit.warning().orElseThrow().contains("coefficient may be infinite"), fit.warning().get());
        CoxCoefficient x = fit.coefficients().getFirst();
        assertTrue(x.coef() > 10 && Double.isFinite(x.se()), x.toString());
        // the same iterations as R: the diverging estimate where R stopped
        assertNear(22.110377198487551, x.coef(), "coef");
        assertEquals(20, fit.iterations());
    }

    @Test
    void zeroVarianceCovariateIsRejectedByName() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new int[] {1, 0, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxPh.fit(d,
                List.of(Covariate.continuous("age", new double[] {1, 2, 3, 4}),
                        Covariate.continuous("site", new double[] {7, 7, 7, 7}))));
        assertTrue(e.getMessage().contains("site") && e.getMessage().contains("zero variance"), e.getMessage());
    }

    @Test
    void collinearCovariateIsRejectedByName() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4, 5}, new int[] {1, 0, 1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxPh.fit(d,
                List.of(Covariate.continuous("a", new double[] {1, 3, 2, 5, 4}),
                        Covariate.continuous("twiceA", new double[] {2, 6, 4, 10, 8}))));
        assertTrue(e.getMessage().contains("twiceA"), e.getMessage());
    }

    @Test
    void missingCovariateValueIsRejectedNamingTheRow() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {1, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxPh.fit(d,
                List.of(Covariate.continuous("size", new double[] {1, Double.NaN, 3}))));
        assertTrue(e.getMessage().contains("size") && e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void allCensoredIsRejected() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {0, 0, 0});
        assertThrows(IllegalArgumentException.class,
                () -> CoxPh.fit(d, List.of(Covariate.continuous("x", new double[] {1, 2, 3}))));
    }
}
