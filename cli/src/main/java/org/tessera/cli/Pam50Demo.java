package org.tessera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.plots.GroupPlots;
import org.tessera.plots.Heatmap;
import org.tessera.plots.KaplanMeierPlot;
import org.tessera.report.Section;
import org.tessera.stats.Anova;
import org.tessera.stats.AnovaResult;
import org.tessera.subtype.Agreement;
import org.tessera.subtype.AgreementResult;
import org.tessera.subtype.ExpressionCsv;
import org.tessera.subtype.ExpressionMatrix;
import org.tessera.subtype.Pam50;
import org.tessera.subtype.Pam50Call;
import org.tessera.subtype.Pam50Options;
import org.tessera.subtype.ProliferationScore;
import org.tessera.survival.Covariate;
import org.tessera.survival.CoxOptions;
import org.tessera.survival.CoxTable;
import org.tessera.survival.CoxTableRow;
import org.tessera.survival.KaplanMeier;
import org.tessera.survival.KaplanMeierFit;
import org.tessera.survival.LogRank;
import org.tessera.survival.LogRankResult;
import org.tessera.survival.SurvivalData;
import org.tessera.survival.SurvivalTable;

/**
 * The demo's clinical half, on TCGA-BRCA: PAM50 calls from the measured PAM50 expression against TCGA's published
 * subtypes (as given and median-centred), the 11-gene proliferation score by subtype, overall survival by subtype
 * (Kaplan-Meier, log-rank) and Cox with age. Prints the figures and returns the report's sections.
 */
final class Pam50Demo {
    static final String EXPRESSION = "tcga-brca/pam50_expression.csv";
    static final String CLINICAL = "tcga-brca/clinical_pancan_atlas_2018.tsv";
    private static final String PATIENT = "Patient ID";
    private static final String SUBTYPE = "Subtype";
    private static final String OS_MONTHS = "Overall Survival (Months)";
    private static final String OS_STATUS = "Overall Survival Status";
    private static final String AGE = "Diagnosis Age";

    private Pam50Demo() {
    }

    static List<Section> run(Path shared, PrintWriter out) throws IOException {
        Pam50 model = Pam50.load(shared.resolve("signatures/pam50_centroids.csv"), shared.resolve("signatures/pam50_genes.tsv"));
        ExpressionMatrix expression = ExpressionCsv.read(shared.resolve(EXPRESSION)).log2OnePlus();
        SurvivalTable clinical = SurvivalTable.readFile(shared.resolve(CLINICAL));
        Map<String, Integer> clinicalRow = new HashMap<>();
        List<String> ids = clinical.labels(PATIENT);
        for (int r = 0; r < ids.size(); r++) {
            clinicalRow.put(ids.get(r), r);
        }
        List<String> published = clinical.labels(SUBTYPE).stream().map(s -> s == null ? null : s.replaceFirst("^BRCA_", "")).toList();

        List<Pam50Call> asGiven = model.classify(expression, Pam50Options.asGiven()).calls();
        List<Pam50Call> centred = model.classify(expression, Pam50Options.medianCentred()).calls();
        out.printf("%n== PAM50 on TCGA-BRCA: %d patients with PAM50 expression (log2(1 + RSEM)), %d in the clinical table%n",
                expression.samples().size(), clinical.size());
        Section subtypes = Section.titled("PAM50 subtypes against TCGA's published labels")
                .text("Nearest centroid by Spearman correlation with genefu's PAM50 centroids, on log2(1 + RSEM) of the 50 genes."
                        + " 'As given' uses the values as they are; 'median-centred' subtracts each gene's median over the cohort"
                        + " first. Published labels: the PanCancer Atlas 'Subtype' column.");
        AgreementResult given = agreement(asGiven, published, clinicalRow);
        AgreementResult centredAgreement = agreement(centred, published, clinicalRow);
        out.printf("agreement with the published subtypes (%d labelled patients): as given %.1f%%, kappa %.3f; "
                + "median-centred %.1f%%, kappa %.3f%n", given.n(), 100 * given.accuracy(), given.kappa(),
                100 * centredAgreement.accuracy(), centredAgreement.kappa());
        subtypes = subtypes.table("Agreement", List.of("calls", "patients", "agreement", "Cohen's kappa"), List.of(
                List.of("as given", given.n(), given.accuracy(), given.kappa()),
                List.of("median-centred", centredAgreement.n(), centredAgreement.accuracy(), centredAgreement.kappa())));
        subtypes = subtypes.figure(confusion("pam50_confusion", "Calls (as given) vs published subtype", given),
                "Rows: Tessera's calls; columns: TCGA's published subtype; cells: patients.");

        Map<String, String> call = new HashMap<>();
        asGiven.forEach(c -> call.put(c.sample(), c.subtype().label()));
        double[] proliferation = ProliferationScore.of(expression, model.genes());
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < proliferation.length; i++) {
            byGroup.computeIfAbsent(asGiven.get(i).subtype().label(), k -> new ArrayList<>()).add(proliferation[i]);
        }
        Map<String, double[]> groups = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> groups.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        AnovaResult anova = Anova.oneWay(groups.values().toArray(double[][]::new));
        out.printf("11-gene proliferation score by called subtype: %s; one-way ANOVA F = %.1f, p = %.2e%n", means(groups),
                anova.f(), anova.pValue());
        Section proliferationSection = Section.titled("Proliferation score by subtype")
                .text(String.format("The 11-gene PAM50 proliferation score (mean of the genes' log2 expression, as EMO) by called"
                        + " subtype. One-way ANOVA: F = %.2f on %d and %d df, p = %.3g.", anova.f(), anova.dfBetween(),
                        anova.dfWithin(), anova.pValue()))
                .figure(GroupPlots.violin("proliferation_by_subtype", "Proliferation score by PAM50 subtype",
                        "11-gene proliferation score", groups), "Violin with quartile box, per called subtype.");

        return List.of(subtypes, proliferationSection, survival(clinical, call, out));
    }

    /** Overall survival by called subtype: KM, log-rank, and Cox with age (univariate and multivariate, LumA as reference). */
    private static Section survival(SurvivalTable clinical, Map<String, String> call, PrintWriter out) {
        SurvivalTable rows = clinical.complete(List.of(PATIENT, OS_MONTHS, OS_STATUS, AGE));
        List<String> ids = rows.labels(PATIENT);
        boolean[] keep = new boolean[ids.size()];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < keep.length; r++) {
            keep[r] = call.containsKey(ids.get(r));
            if (keep[r]) {
                labels.add(call.get(ids.get(r)));
            }
        }
        SurvivalData all = SurvivalData.of(rows.times(OS_MONTHS), rows.events(OS_STATUS));
        SurvivalData data = all.subset(keep).withGroups(labels);
        double[] age = subset(rows.numbers(AGE), keep);
        Map<String, KaplanMeierFit> fits = KaplanMeier.fitByGroup(data);
        LogRankResult logRank = LogRank.test(data);
        out.printf("overall survival: %d patients, %d deaths; log-rank across the %d called subtypes chi2 = %.2f (df %d), p = %.2e%n",
                data.size(), data.events(), fits.size(), logRank.chiSquare(), logRank.df(), logRank.pValue());
        List<Covariate> covariates = new ArrayList<>();
        covariates.add(Covariate.continuous("age", age));
        covariates.addAll(Covariate.indicators("subtype", labels, "LumA"));
        List<CoxTableRow> uni = CoxTable.univariate(data, covariates, CoxOptions.defaults());
        List<CoxTableRow> multi = CoxTable.multivariate(data, covariates, CoxOptions.defaults());
        out.printf("Cox (Efron), multivariate:%n  %-28s %6s %16s %9s%n", "term", "HR", "95% CI", "p");
        for (CoxTableRow r : multi) {
            out.printf("  %-28s %6.2f %7.2f - %6.2f %9.2e%n", r.term() + " " + r.contrast(), r.hazardRatio(), r.lower(), r.upper(),
                    r.pValue());
        }
        return Section.titled("Overall survival by subtype")
                .text(String.format("%d patients with a call, overall survival time, status and age; %d deaths. Log-rank test"
                        + " across subtypes: chi-square %.2f on %d df, p = %.3g. Cox proportional hazards, Efron ties.",
                        data.size(), data.events(), logRank.chiSquare(), logRank.df(), logRank.pValue()))
                .figure(KaplanMeierPlot.of("os_by_subtype", "Overall survival by PAM50 subtype (TCGA-BRCA)", "months", fits, logRank),
                        "Kaplan-Meier estimates with 95% log-log confidence bands; numbers at risk below.")
                .table("Cox: univariate", coxColumns(), coxRows(uni))
                .table("Cox: multivariate (age + subtype)", coxColumns(), coxRows(multi));
    }

    private static List<String> coxColumns() {
        return List.of("term", "contrast", "n", "HR", "lower 95%", "upper 95%", "p");
    }

    private static List<List<Object>> coxRows(List<CoxTableRow> rows) {
        return rows.stream().map(r -> List.<Object>of(r.term(), r.contrast(), r.n(), r.hazardRatio(), r.lower(), r.upper(),
                r.pValue())).toList();
    }

    private static AgreementResult agreement(List<Pam50Call> calls, List<String> published, Map<String, Integer> clinicalRow) {
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        for (Pam50Call c : calls) {
            Integer r = clinicalRow.get(c.sample());
            if (r != null && published.get(r) != null) {
                ours.add(c.subtype().label());
                theirs.add(published.get(r));
            }
        }
        return Agreement.of(ours, theirs);
    }

    private static org.tessera.plots.Plot confusion(String name, String title, AgreementResult a) {
        double[][] v = new double[a.labels().size()][a.labels().size()];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                v[i][j] = a.confusion()[i][j];
            }
        }
        return Heatmap.of(name, title, a.labels(), a.labels(), v, "patients");
    }

    private static String means(Map<String, double[]> groups) {
        StringBuilder s = new StringBuilder();
        groups.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%.2f", java.util.Arrays.stream(v).average().orElse(Double.NaN))));
        return s.toString();
    }

    private static double[] subset(double[] x, boolean[] keep) {
        double[] out = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                out[n++] = x[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
