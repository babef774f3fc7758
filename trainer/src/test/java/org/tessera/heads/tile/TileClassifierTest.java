package org.tessera.heads.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.stats.AucResult;

/**
 * {@link TileClassifier} on synthetic cohorts: 400 patients, every 10th with a second slide (440 slides),
 * 20 tiles of 12 features per slide, noise N(0, 1). Each slide's trait is N(0, 1); with signal, a fraction
 * of its tiles equal to the trait's percentile rank among the slides is shifted by 2.5 along (e0 + e1) /
 * sqrt 2, so high slides have mostly shifted tiles and low slides few, and the OOD slides in between a
 * proportionate share.
 */
class TileClassifierTest {
    private static final TileClassifierOptions OPTIONS = new TileClassifierOptions(20, 80, 10, 0.1, 5, 0.2, 3, 0.5, 500, 11,
            LogisticOptions.defaults());

    @Test
    void plantedSignalIsFoundOnTheTestSet() {
        Cohort c = Cohort.make(2.5, 5);
        TileClassifierResult r = TileClassifier.fit(c.matrix, c.traits, c.patients, OPTIONS);
        System.out.println("planted signal: ensemble " + r.ensembleMetrics());
        AucResult ensemble = r.ensembleMetrics().test().orElseThrow();
        assertTrue(ensemble.auc() > 0.9, ensemble.toString());
        assertTrue(ensemble.lower() > 0.8, ensemble.toString());
        for (SplitResult s : r.splits()) {
            assertTrue(s.metrics().test().orElseThrow().auc() > 0.9, "split " + s.index() + " " + s.metrics().test());
            assertTrue(s.validationAuc() > 0.9, "split " + s.index() + " validation " + s.validationAuc());
        }
        // OOD: the score still orders the trait between the 20th and 80th percentiles
        OodMetrics all = r.ensembleMetrics().oodAll();
        assertTrue(all.spearman().orElseThrow().estimate() > 0.6, all.toString());
        assertTrue(all.aboveMedianAuc().orElseThrow().auc() > 0.8, all.toString());
        assertTrue(r.ensembleMetrics().oodNear().slides() > 0);
    }

    @Test
    void withoutSignalTheTestAucIntervalHoldsOneHalf() {
        Cohort c = Cohort.make(0, 6);
        TileClassifierResult r = TileClassifier.fit(c.matrix, c.traits, c.patients, OPTIONS);
        System.out.println("no signal: ensemble " + r.ensembleMetrics());
        AucResult ensemble = r.ensembleMetrics().test().orElseThrow();
        assertTrue(ensemble.lower() <= 0.5 && 0.5 <= ensemble.upper(), ensemble.toString());
        AucResult ood = r.ensembleMetrics().oodAll().aboveMedianAuc().orElseThrow();
        assertTrue(ood.lower() <= 0.5 && 0.5 <= ood.upper(), ood.toString());
    }

    @Test
    void noPatientIsOnTwoSides() {
        Cohort c = Cohort.make(2.5, 5);
        TileClassifierResult r = TileClassifier.fit(c.matrix, c.traits, c.patients, OPTIONS);
        Map<String, Set<SlideSet>> setsOfPatient = new HashMap<>();
        r.slides().stream().filter(s -> s.band().labelled())
                .forEach(s -> setsOfPatient.computeIfAbsent(s.patient(), p -> new HashSet<>()).add(s.set()));
        setsOfPatient.forEach((p, sets) -> assertEquals(1, sets.size(), "patient " + p + " in " + sets));
        Set<String> poolPatients = new HashSet<>();
        r.slides().stream().filter(s -> s.set() == SlideSet.POOL).forEach(s -> poolPatients.add(s.patient()));
        for (SlideScore s : r.slides()) {
            if (!s.band().labelled()) {
                assertEquals(poolPatients.contains(s.patient()) ? SlideSet.OOD_EXCLUDED : SlideSet.OOD, s.set(), s.slide());
            }
        }
        assertTrue(r.slides().stream().anyMatch(s -> s.set() == SlideSet.OOD_EXCLUDED), "the cohort exercises the exclusion");
        for (SplitResult s : r.splits()) {
            Set<String> train = patientsOf(s.train(), c.patients);
            Set<String> validation = patientsOf(s.validation(), c.patients);
            train.retainAll(validation);
            assertTrue(train.isEmpty(), "split " + s.index() + " shares patients " + train);
            Set<String> used = new HashSet<>(s.train());
            used.addAll(s.validation());
            r.slides().stream().filter(x -> x.set() == SlideSet.TEST).forEach(x -> assertTrue(!used.contains(x.slide())));
        }
        assertTrue(setsOfPatient.values().stream().anyMatch(sets -> sets.contains(SlideSet.TEST)));
    }

    @Test
    void slideBandsFollowThePercentileRules() {
        Cohort c = Cohort.make(2.5, 5);
        TileClassifierResult r = TileClassifier.fit(c.matrix, c.traits, c.patients, OPTIONS);
        double[] sorted = c.traits.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double q20 = TraitLabels.percentile(sorted, 20);
        double q80 = TraitLabels.percentile(sorted, 80);
        for (SlideScore s : r.slides()) {
            assertEquals(s.trait() >= q80, s.band() == TraitBand.HIGH, s.slide());
            assertEquals(s.trait() <= q20, s.band() == TraitBand.LOW, s.slide());
        }
        long high = r.slides().stream().filter(s -> s.band() == TraitBand.HIGH).count();
        assertEquals(88, high); // 440 distinct values: the top 20% (np.percentile(x, 80) lies between two of them)
    }

    @Test
    void ensembleIsTheBestThreeSplitsAndItsVotesMakeTheSlideScores() {
        Cohort c = Cohort.make(1.0, 7); // a weaker signal, so that the splits differ
        TileClassifierResult r = TileClassifier.fit(c.matrix, c.traits, c.patients, OPTIONS);
        List<Integer> expected = r.splits().stream()
                .sorted(Comparator.comparingDouble((SplitResult s) -> -s.validationAuc()).thenComparingInt(SplitResult::index))
                .limit(3).map(SplitResult::index).toList();
        assertEquals(expected, r.ensemble());
        assertEquals(c.matrix.rows(), r.tiles().size());
        Map<String, int[]> votes = new LinkedHashMap<>();
        for (int row = 0; row < r.tiles().size(); row++) {
            TilePrediction t = r.tiles().get(row);
            assertEquals(c.matrix.slideId(row), t.slide());
            assertEquals(c.matrix.tileIndex(row), t.tileIndex());
            int[] v = votes.computeIfAbsent(t.slide(), s -> new int[2]);
            v[0] += t.vote() ? 1 : 0;
            v[1]++;
        }
        for (SlideScore s : r.slides()) {
            int[] v = votes.get(s.slide());
            assertEquals((double) v[0] / v[1], s.ensembleScore(), 0, s.slide());
            assertEquals(5, s.splitScores().size());
        }
    }

    private static Set<String> patientsOf(List<String> slides, Map<String, String> patients) {
        Set<String> out = new HashSet<>();
        slides.forEach(s -> out.add(patients.get(s)));
        return out;
    }

    /** The synthetic cohort of the class comment. */
    private record Cohort(FeatureMatrix matrix, Map<String, Double> traits, Map<String, String> patients) {
        static Cohort make(double shift, long seed) {
            Random random = new Random(seed);
            int tilesPerSlide = 20;
            int p = 12;
            List<String> slides = new ArrayList<>();
            Map<String, String> patients = new LinkedHashMap<>();
            for (int i = 0; i < 400; i++) {
                String patient = "P" + i;
                for (int k = 0; k < (i % 10 == 0 ? 2 : 1); k++) {
                    String slide = patient + "-S" + k;
                    slides.add(slide);
                    patients.put(slide, patient);
                }
            }
            Map<String, Double> traits = new LinkedHashMap<>();
            slides.forEach(s -> traits.put(s, random.nextGaussian()));
            double[] sorted = traits.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<String> rowSlides = new ArrayList<>();
            int[] tileIndex = new int[slides.size() * tilesPerSlide];
            double[] values = new double[tileIndex.length * p];
            double u = shift / Math.sqrt(2);
            int row = 0;
            for (String slide : slides) {
                double rank = (double) Arrays.binarySearch(sorted, traits.get(slide)) / (sorted.length - 1);
                int shifted = (int) Math.round(rank * tilesPerSlide);
                int[] order = IntStream.range(0, tilesPerSlide).toArray();
                for (int t = 0; t < tilesPerSlide; t++) {
                    rowSlides.add(slide);
                    tileIndex[row] = t;
                    for (int j = 0; j < p; j++) {
                        values[row * p + j] = random.nextGaussian() + (order[t] < shifted && j < 2 ? u : 0);
                    }
                    row++;
                }
            }
            return new Cohort(new FeatureMatrix(rowSlides, null, tileIndex, p, values), traits, patients);
        }
    }
}
