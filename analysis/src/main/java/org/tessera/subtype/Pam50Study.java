package org.tessera.subtype;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.stats.Anova;
import org.tessera.stats.AnovaResult;
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
 * The demo's clinical study on TCGA-BRCA (shared/tcga-brca and shared/signatures): PAM50 calls from the measured
 * PAM50 expression (log2(1 + RSEM)) against TCGA's published subtypes, as given and median-centred; the 11-gene
 * proliferation score by called subtype with a one-way ANOVA; overall survival by called subtype (Kaplan-Meier,
 * log-rank) and Cox (Efron) with age, univariate and multivariate, LumA the reference.
 *
 * @param patients       patients with PAM50 expression
 * @param clinicalRows   rows of the clinical table
 * @param asGiven        agreement of the calls on the values as given
 * @param centred        agreement of the calls after median-centring each gene
 * @param proliferation  the proliferation score per called subtype (as-given calls), subtypes in label order
 * @param anova          one-way ANOVA of the proliferation score across called subtypes
 * @param survival       overall survival by called subtype
 */
public record Pam50Study(int patients, int clinicalRows, AgreementResult asGiven, AgreementResult centred,
        Map<String, double[]> proliferation, AnovaResult anova, Survival survival) {
    public static final String EXPRESSION = "tcga-brca/pam50_expression.csv";
    public static final String CLINICAL = "tcga-brca/clinical_pancan_atlas_2018.tsv";
    private static final String PATIENT = "Patient ID";
    private static final String SUBTYPE = "Subtype";
    private static final String OS_MONTHS = "Overall Survival (Months)";
    private static final String OS_STATUS = "Overall Survival Status";
    private static final String AGE = "Diagnosis Age";

    /** Overall survival of the called patients with time, status and age. */
    public record Survival(SurvivalData data, Map<String, KaplanMeierFit> fits, LogRankResult logRank, List<CoxTableRow> univariate,
            List<CoxTableRow> multivariate) {
    }

    public static Pam50Study run(Path shared) throws IOException {
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

        Map<String, String> call = new HashMap<>();
        asGiven.forEach(c -> call.put(c.sample(), c.subtype().label()));
        double[] score = ProliferationScore.of(expression, model.genes());
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < score.length; i++) {
            byGroup.computeIfAbsent(asGiven.get(i).subtype().label(), k -> new ArrayList<>()).add(score[i]);
        }
        Map<String, double[]> groups = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> groups.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        AnovaResult anova = Anova.oneWay(groups.values().toArray(double[][]::new));
        return new Pam50Study(expression.samples().size(), clinical.size(), agreement(asGiven, published, clinicalRow),
                agreement(centred, published, clinicalRow), groups, anova, survival(clinical, call));
    }

    private static Survival survival(SurvivalTable clinical, Map<String, String> call) {
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
        SurvivalData data = SurvivalData.of(rows.times(OS_MONTHS), rows.events(OS_STATUS)).subset(keep).withGroups(labels);
        double[] allAges = rows.numbers(AGE);
        double[] age = java.util.stream.IntStream.range(0, keep.length).filter(i -> keep[i]).mapToDouble(i -> allAges[i]).toArray();
        List<Covariate> covariates = new ArrayList<>();
        covariates.add(Covariate.continuous("age", age));
        covariates.addAll(Covariate.indicators("subtype", labels, "LumA"));
        return new Survival(data, KaplanMeier.fitByGroup(data), LogRank.test(data), CoxTable.univariate(data, covariates, CoxOptions.defaults()),
                CoxTable.multivariate(data, covariates, CoxOptions.defaults()));
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

    /** The mean proliferation score of each called subtype. */
    public Map<String, Double> proliferationMeans() {
        Map<String, Double> m = new LinkedHashMap<>();
        proliferation.forEach((k, v) -> m.put(k, Arrays.stream(v).average().orElse(Double.NaN)));
        return m;
    }
}
