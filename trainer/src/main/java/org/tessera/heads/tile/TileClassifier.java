package org.tessera.heads.tile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.splits.Split;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.stats.Auc;

/**
 * PathoMCH's tile classifier over tile embeddings: slides labelled high or low by the percentile of a trait,
 * every tile inheriting its slide's label, a tile-level logistic regression, and a slide scored by the
 * fraction of its tiles predicted positive. Tile predictions then map where on a slide the trait's
 * morphology is (the "molecular cartography" of PathoMCH).
 *
 * <p>Scheme (defaults of {@link TileClassifierOptions}). Slides are banded by {@link TraitLabels}. The
 * labelled (high and low) slides are split once, by patient and seeded, into a test set (10%) and a pool
 * ({@link Splits#holdOut}); the pool is split 5 times at random, by patient, into train and validation
 * (20%; split i drawn with seed + 1 + i). Each split trains one model on its train slides' tiles. A slide's
 * score under a model is the fraction of its tiles with probability &ge; 0.5. The 3 splits with the best
 * validation slide AUC (ties to the lower index) form the ensemble: a tile's vote is positive when most of
 * them call it positive, and a slide's ensemble score is the fraction of its tiles voted positive.
 *
 * <p>Out-of-distribution sets: the unlabelled slides (OOD-all, 20th-80th percentile) and the part of them
 * next to the labelled bands (OOD-near, 20-30th and 70-80th). PathoMCH uses these to ask whether the
 * classifier's scores still order slides it was never trained to separate; they have no binary truth, so
 * the trait is the truth: we report Spearman's rho of slide score against trait, and the AUC of the score
 * for trait above versus below the set's own median. An OOD slide whose patient has a slide in the pool is
 * left out ({@link SlideSet#OOD_EXCLUDED}): the models saw that patient's tissue. OOD slides of test
 * patients stay, since no model saw those.
 */
public final class TileClassifier {
    private TileClassifier() {
    }

    /**
     * Runs the scheme above.
     *
     * @param tiles    a tile-level feature matrix (rows are tiles, row ids slide ids)
     * @param traits   the trait value of every slide in the matrix (extra slides are ignored; the
     *                 percentiles are over the matrix's slides)
     * @param patients the patient of every slide in the matrix
     * @throws IllegalArgumentException if the matrix is not tile-level, a slide lacks a trait or patient, the
     *                                  bands cannot be drawn, or a validation set lacks a class
     */
    public static TileClassifierResult fit(FeatureMatrix tiles, Map<String, Double> traits, Map<String, String> patients,
            TileClassifierOptions options) {
        Objects.requireNonNull(options, "options");
        if (!tiles.isTileLevel()) {
            throw new IllegalArgumentException("the tile classifier needs a tile-level matrix, got " + tiles);
        }
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int r = 0; r < tiles.rows(); r++) {
            rowsOf.computeIfAbsent(tiles.slideId(r), s -> new ArrayList<>()).add(r);
        }
        Map<String, Double> trait = new LinkedHashMap<>();
        for (String slide : rowsOf.keySet()) {
            Double t = traits.get(slide);
            if (t == null) {
                throw new IllegalArgumentException("slide " + slide + " has tiles but no trait value");
            }
            if (patients.get(slide) == null) {
                throw new IllegalArgumentException("slide " + slide + " has no patient");
            }
            trait.put(slide, t);
        }
        TraitLabels labels = TraitLabels.assign(trait, options);
        TileEmbeddings design = TileEmbeddings.of(tiles);

        List<Unit> labelled = new ArrayList<>();
        rowsOf.keySet().stream().filter(s -> labels.band(s).labelled()).forEach(s -> labelled.add(Unit.of(s, patients.get(s))));
        Split testSplit = Splits.holdOut("pathomch-test", labelled, options.testFraction(), 1, options.seed());
        Set<String> testSlides = new HashSet<>(testSplit.test());
        Set<String> poolSlides = new HashSet<>(testSplit.pool());
        Set<String> poolPatients = new HashSet<>();
        poolSlides.forEach(s -> poolPatients.add(patients.get(s)));
        List<Unit> pool = labelled.stream().filter(u -> poolSlides.contains(u.id())).toList();

        Map<String, SlideSet> setOf = new LinkedHashMap<>();
        for (String slide : rowsOf.keySet()) {
            setOf.put(slide, labels.band(slide).labelled() ? (testSlides.contains(slide) ? SlideSet.TEST : SlideSet.POOL)
                    : poolPatients.contains(patients.get(slide)) ? SlideSet.OOD_EXCLUDED : SlideSet.OOD);
        }

        int k = options.splits();
        double[][] probability = new double[k][];
        List<Map<String, Double>> scores = new ArrayList<>();
        List<Split> drawn = new ArrayList<>();
        double[] validationAuc = new double[k];
        LogisticModel[] models = new LogisticModel[k];
        for (int i = 0; i < k; i++) {
            Split split = Splits.holdOut("pathomch-split-" + i, pool, options.validationFraction(), 1, options.seed() + 1 + i);
            drawn.add(split);
            List<Integer> trainRows = new ArrayList<>();
            split.pool().forEach(s -> trainRows.addAll(rowsOf.get(s)));
            int[] rows = trainRows.stream().mapToInt(Integer::intValue).toArray();
            boolean[] y = new boolean[rows.length];
            for (int j = 0; j < rows.length; j++) {
                y[j] = labels.band(tiles.slideId(rows[j])) == TraitBand.HIGH;
            }
            models[i] = LogisticRegression.fit(design, rows, y, options.logistic());
            probability[i] = models[i].probabilities(design);
            double[] p = probability[i];
            scores.add(slideScores(rowsOf, r -> p[r] >= options.threshold()));
            validationAuc[i] = validationAuc(split.test(), scores.get(i), labels, i);
        }

        List<Integer> ensemble = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -validationAuc[i]).thenComparing(i -> i))
                .limit(options.ensembleSize()).toList();
        boolean[] vote = new boolean[tiles.rows()];
        double[] meanProbability = new double[tiles.rows()];
        for (int r = 0; r < tiles.rows(); r++) {
            int yes = 0;
            for (int i : ensemble) {
                yes += probability[i][r] >= options.threshold() ? 1 : 0;
                meanProbability[r] += probability[i][r] / ensemble.size();
            }
            vote[r] = 2 * yes > ensemble.size();
        }
        Map<String, Double> ensembleScores = slideScores(rowsOf, r -> vote[r]);

        List<SplitResult> splitResults = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            splitResults.add(new SplitResult(i, drawn.get(i).pool(), drawn.get(i).test(), models[i], validationAuc[i],
                    metrics(scores.get(i), setOf, trait, labels, options)));
        }
        List<SlideScore> slides = new ArrayList<>();
        for (String s : rowsOf.keySet()) {
            List<Double> perSplit = scores.stream().map(m -> m.get(s)).toList();
            slides.add(new SlideScore(s, patients.get(s), trait.get(s), labels.band(s), setOf.get(s), perSplit,
                    ensembleScores.get(s), rowsOf.get(s).size()));
        }
        List<TilePrediction> predictions = new ArrayList<>(tiles.rows());
        for (int r = 0; r < tiles.rows(); r++) {
            predictions.add(new TilePrediction(tiles.slideId(r), tiles.tileIndex(r), Math.min(1, meanProbability[r]), vote[r]));
        }
        return new TileClassifierResult(labels, testSplit, splitResults, ensemble,
                metrics(ensembleScores, setOf, trait, labels, options), slides, predictions);
    }

    private static Map<String, Double> slideScores(Map<String, List<Integer>> rowsOf, java.util.function.IntPredicate positive) {
        Map<String, Double> out = new HashMap<>();
        rowsOf.forEach((slide, rows) -> out.put(slide, rows.stream().filter(positive::test).count() / (double) rows.size()));
        return out;
    }

    private static double validationAuc(List<String> validation, Map<String, Double> scores, TraitLabels labels, int split) {
        double[] s = validation.stream().mapToDouble(scores::get).toArray();
        boolean[] high = new boolean[s.length];
        int n = 0;
        for (int j = 0; j < s.length; j++) {
            high[j] = labels.band(validation.get(j)) == TraitBand.HIGH;
            n += high[j] ? 1 : 0;
        }
        if (n == 0 || n == s.length) {
            throw new IllegalArgumentException("validation set of split " + split + " has " + n + " high slides of " + s.length
                    + ": too few labelled slides to rank splits (raise the validation fraction or add slides)");
        }
        return Auc.estimate(s, high);
    }

    private static SetMetrics metrics(Map<String, Double> scores, Map<String, SlideSet> setOf, Map<String, Double> trait,
            TraitLabels labels, TileClassifierOptions options) {
        List<Evaluation.Scored> test = new ArrayList<>();
        List<Evaluation.Scored> near = new ArrayList<>();
        List<Evaluation.Scored> all = new ArrayList<>();
        setOf.forEach((slide, set) -> {
            Evaluation.Scored s = new Evaluation.Scored(scores.get(slide), trait.get(slide), labels.band(slide));
            if (set == SlideSet.TEST) {
                test.add(s);
            } else if (set == SlideSet.OOD) {
                all.add(s);
                if (s.band().near()) {
                    near.add(s);
                }
            }
        });
        return Evaluation.of(test, near, all, options.bootstrap(), options.seed());
    }
}
