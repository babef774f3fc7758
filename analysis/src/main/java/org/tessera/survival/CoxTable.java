package org.tessera.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Univariate and multivariate Cox tables (hist2RNA's Table 1). Univariate: one model per term, so a
 * categorical variable's indicators are fitted together (as R's {@code coxph(Surv ~ tgrade)}); multivariate:
 * one model with every covariate. Rows keep the order of the covariates given. The rows use the model's
 * Wald intervals and p-values (exp(coef ± 1.959964 se), 2 Φ(-|z|)); a fit flagged for separation still
 * gives its rows, and its warning is available by fitting the model with {@link CoxPh} directly.
 */
public final class CoxTable {
    private CoxTable() {
    }

    /** One Cox model per term. */
    public static List<CoxTableRow> univariate(SurvivalData data, List<Covariate> covariates, CoxOptions options) {
        Map<String, List<Covariate>> byTerm = new LinkedHashMap<>();
        for (Covariate c : covariates) {
            byTerm.computeIfAbsent(c.term(), k -> new ArrayList<>()).add(c);
        }
        List<CoxTableRow> rows = new ArrayList<>();
        for (List<Covariate> term : byTerm.values()) {
            rows.addAll(rows(data, term, CoxPh.fit(data, term, options)));
        }
        return rows;
    }

    /** One Cox model with every covariate. */
    public static List<CoxTableRow> multivariate(SurvivalData data, List<Covariate> covariates, CoxOptions options) {
        return rows(data, covariates, CoxPh.fit(data, covariates, options));
    }

    private static List<CoxTableRow> rows(SurvivalData data, List<Covariate> covariates, CoxFit fit) {
        List<CoxTableRow> rows = new ArrayList<>();
        for (Covariate c : covariates) {
            CoxCoefficient k = fit.coefficient(c.name());
            OptionalInt nLevel = OptionalInt.empty();
            OptionalInt nReference = OptionalInt.empty();
            String contrast = "per unit";
            if (c.contrast().isPresent()) {
                int level = 0;
                int reference = 0;
                boolean[] inReference = c.contrast().get().inReference();
                for (int i = 0; i < c.size(); i++) {
                    level += c.value(i) == 1 ? 1 : 0;
                    reference += inReference[i] ? 1 : 0;
                }
                nLevel = OptionalInt.of(level);
                nReference = OptionalInt.of(reference);
                contrast = c.contrast().get().level() + " vs " + c.contrast().get().reference();
            }
            rows.add(new CoxTableRow(c.term(), contrast, data.size(), nLevel, nReference, k.hazardRatio(),
                    k.lower(), k.upper(), k.pValue()));
        }
        return rows;
    }
}
