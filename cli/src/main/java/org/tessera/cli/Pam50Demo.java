package org.tessera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tessera.plots.GroupPlots;
import org.tessera.plots.Heatmap;
import org.tessera.plots.KaplanMeierPlot;
import org.tessera.report.Section;
import org.tessera.stats.AnovaResult;
import org.tessera.subtype.AgreementResult;
import org.tessera.subtype.Pam50Study;
import org.tessera.survival.CoxTableRow;
import org.tessera.survival.LogRankResult;
import org.tessera.survival.SurvivalData;

/**
 * The demo's clinical half, on TCGA-BRCA: prints the figures of {@link Pam50Study} and returns the report's sections.
 */
final class Pam50Demo {
    private Pam50Demo() {
    }

    static List<Section> run(Path shared, PrintWriter out) throws IOException {
        Pam50Study study = Pam50Study.run(shared);
        out.printf("%n== PAM50 on TCGA-BRCA: %d patients with PAM50 expression (log2(1 + RSEM)), %d in the clinical table%n",
                study.patients(), study.clinicalRows());
        Section subtypes = Section.titled("PAM50 subtypes against TCGA's published labels")
                .text("Nearest centroid by Spearman correlation with genefu's PAM50 centroids, on log2(1 + RSEM) of the 50 genes."
                        + " 'As given' uses the values as they are; 'median-centred' subtracts each gene's median over the cohort"
                        + " first. Published labels: the PanCancer Atlas 'Subtype' column.");
        AgreementResult given = study.asGiven();
        AgreementResult centredAgreement = study.centred();
        out.printf("agreement with the published subtypes (%d labelled patients): as given %.1f%%, kappa %.3f; "
                + "median-centred %.1f%%, kappa %.3f%n", given.n(), 100 * given.accuracy(), given.kappa(),
                100 * centredAgreement.accuracy(), centredAgreement.kappa());
        subtypes = subtypes.table("Agreement", List.of("calls", "patients", "agreement", "Cohen's kappa"), List.of(
                List.of("as given", given.n(), given.accuracy(), given.kappa()),
                List.of("median-centred", centredAgreement.n(), centredAgreement.accuracy(), centredAgreement.kappa())));
        subtypes = subtypes.figure(confusion("pam50_confusion", "Calls (as given) vs published subtype", given),
                "Rows: Tessera's calls; columns: TCGA's published subtype; cells: patients.");

        Map<String, double[]> groups = study.proliferation();
        AnovaResult anova = study.anova();
        out.printf("11-gene proliferation score by called subtype: %s; one-way ANOVA F = %.1f, p = %.2e%n", means(study),
                anova.f(), anova.pValue());
        Section proliferationSection = Section.titled("Proliferation score by subtype")
                .text(String.format("The 11-gene PAM50 proliferation score (mean of the genes' log2 expression, as EMO) by called"
                        + " subtype. One-way ANOVA: F = %.2f on %d and %d df, p = %.3g.", anova.f(), anova.dfBetween(),
                        anova.dfWithin(), anova.pValue()))
                .figure(GroupPlots.violin("proliferation_by_subtype", "Proliferation score by PAM50 subtype",
                        "11-gene proliferation score", groups), "Violin with quartile box, per called subtype.");

        return List.of(subtypes, proliferationSection, survival(study.survival(), out));
    }

    /** Overall survival by called subtype: KM, log-rank, and Cox with age (univariate and multivariate, LumA as reference). */
    private static Section survival(Pam50Study.Survival s, PrintWriter out) {
        SurvivalData data = s.data();
        LogRankResult logRank = s.logRank();
        out.printf("overall survival: %d patients, %d deaths; log-rank across the %d called subtypes chi2 = %.2f (df %d), p = %.2e%n",
                data.size(), data.events(), s.fits().size(), logRank.chiSquare(), logRank.df(), logRank.pValue());
        out.printf("Cox (Efron), multivariate:%n  %-28s %6s %16s %9s%n", "term", "HR", "95% CI", "p");
        for (CoxTableRow r : s.multivariate()) {
            out.printf("  %-28s %6.2f %7.2f - %6.2f %9.2e%n", r.term() + " " + r.contrast(), r.hazardRatio(), r.lower(), r.upper(),
                    r.pValue());
        }
        return Section.titled("Overall survival by subtype")
                .text(String.format("%d patients with a call, overall survival time, status and age; %d deaths. Log-rank test"
                        + " across subtypes: chi-square %.2f on %d df, p = %.3g. Cox proportional hazards, Efron ties.",
                        data.size(), data.events(), logRank.chiSquare(), logRank.df(), logRank.pValue()))
                .figure(KaplanMeierPlot.of("os_by_subtype", "Overall survival by PAM50 subtype (TCGA-BRCA)", "months", s.fits(), logRank),
                        "Kaplan-Meier estimates with 95% log-log confidence bands; numbers at risk below.")
                .table("Cox: univariate", coxColumns(), coxRows(s.univariate()))
                .table("Cox: multivariate (age + subtype)", coxColumns(), coxRows(s.multivariate()));
    }

    private static List<String> coxColumns() {
        return List.of("term", "contrast", "n", "HR", "lower 95%", "upper 95%", "p");
    }

    private static List<List<Object>> coxRows(List<CoxTableRow> rows) {
        return rows.stream().map(r -> List.<Object>of(r.term(), r.contrast(), r.n(), r.hazardRatio(), r.lower(), r.upper(),
                r.pValue())).toList();
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

    private static String means(Pam50Study study) {
        StringBuilder s = new StringBuilder();
        study.proliferationMeans().forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%.2f", v)));
        return s.toString();
    }
}
