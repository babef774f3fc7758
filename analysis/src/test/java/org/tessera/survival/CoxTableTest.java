package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tessera.survival.Near.assertNear;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * hist2RNA-style Cox tables on GBSG2 against R 4.2.2 / survival 3.5.3:
 *
 * <pre>
 * d &lt;- read.csv("/work/shared/cohorts/gbsg2.csv")
 * m &lt;- coxph(Surv(time, cens) ~ I(age &gt; 50), data = d)   # HR 1.168027719295887 (0.92473855409027461,
 *                                                         # 1.4753237517880831), p 0.19245025640077329
 * table(d$age &gt; 50)                                       # FALSE 289, TRUE 397
 * m &lt;- coxph(Surv(time, cens) ~ tgrade, data = d)
 * g(exp(coef(m))); g(exp(confint(m))); g(summary(m)$coefficients[, 5]); table(d$tgrade)   # I 81, II 444, III 161
 * m &lt;- coxph(Surv(time, cens) ~ I(age &gt; 50) + tgrade + pnodes, data = d)
 * g(exp(coef(m))); g(exp(confint(m))); g(summary(m)$coefficients[, 5])
 * </pre>
 */
class CoxTableTest {
    private static List<Covariate> covariates(Cohorts c) {
        List<Covariate> x = new ArrayList<>();
        x.add(Covariate.dichotomised("age", c.numbers("age"), 50));
        x.addAll(Covariate.indicators("tgrade", c.labels("tgrade"), "I"));
        x.add(Covariate.continuous("pnodes", c.numbers("pnodes")));
        return x;
    }

    private static void assertRow(double hr, double lower, double upper, double p, CoxTableRow row) {
        assertNear(hr, row.hazardRatio(), row.term() + " HR");
        assertNear(lower, row.lower(), row.term() + " lower");
        assertNear(upper, row.upper(), row.term() + " upper");
        assertNear(p, row.pValue(), row.term() + " p");
    }

    @Test
    void univariateRowsFitEachTermAloneAndCountGroups() {
        Cohorts c = Cohorts.gbsg2();
        List<CoxTableRow> rows = CoxTable.univariate(c.survival("time", "cens"), covariates(c), CoxOptions.defaults());
        assertEquals(4, rows.size());
        CoxTableRow age = rows.getFirst();
        assertEquals("> 50 vs <= 50", age.contrast());
        assertEquals(OptionalInt.of(397), age.nLevel());
        assertEquals(OptionalInt.of(289), age.nReference());
        assertRow(1.168027719295887, 0.92473855409027461, 1.4753237517880831, 0.19245025640077329, age);
        assertEquals("II vs I", rows.get(1).contrast());
        assertEquals(OptionalInt.of(444), rows.get(1).nLevel());
        assertEquals(OptionalInt.of(81), rows.get(1).nReference());
        assertRow(Math.exp(0.87179613484242213), 1.4763121560369998, 3.8730607194505096, 0.0003953507505884758,
                rows.get(1));
        assertEquals(OptionalInt.of(161), rows.get(2).nLevel());
        assertRow(Math.exp(1.1537478616373134), 1.8986427631182681, 5.2928477473841307, 1.0272027861767861e-05,
                rows.get(2));
        assertEquals("per unit", rows.get(3).contrast());
        assertEquals(OptionalInt.empty(), rows.get(3).nLevel());
    }

    @Test
    void multivariateRowsComeFromOneModel() {
        Cohorts c = Cohorts.gbsg2();
        List<CoxTableRow> rows = CoxTable.multivariate(c.survival("time", "cens"), covariates(c),
                CoxOptions.defaults());
        assertRow(1.1418114952748737, 0.90350691812791484, 1.442970125168721, 0.26684171701840881, rows.get(0));
        assertRow(2.1285669524816839, 1.3107610844056652, 3.4566156449873175, 0.0022589234956067999, rows.get(1));
        assertRow(2.8272103530619597, 1.6898824194466675, 4.729984931778854, 7.5542890919971589e-05, rows.get(2));
        assertRow(1.0577764755969885, 1.0436400131702772, 1.0721044212625754, 2.7827894041958861e-16, rows.get(3));
        assertEquals(686, rows.get(3).n());
    }

    @Test
    void dichotomisingPutsTheCutOffInTheReferenceGroupAndKeepsMissing() {
        Covariate c = Covariate.dichotomised("age", new double[] {49, 50, 51, Double.NaN}, 50);
        assertEquals("age>50", c.name());
        double[] v = c.values();
        assertEquals(0.0, v[0]);
        assertEquals(0.0, v[1]);
        assertEquals(1.0, v[2]);
        assertEquals(Double.NaN, v[3]);
    }
}
