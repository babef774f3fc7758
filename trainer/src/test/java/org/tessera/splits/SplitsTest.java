package org.tessera.splits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Patient-level splits on a cohort built to tempt leakage: 53 patients with 1 to 4 slides each, listed
 * interleaved (slide 0 of every patient, then slide 1 of every patient, ...), so a split that dealt units
 * rather than patients in listing order would put a patient's slides in different folds.
 */
class SplitsTest {
    private static final String[] SUBTYPES = {"LumA", "LumB", "Her2", "Basal", "Normal"};

    /** Patient p has 1 + p % 4 slides, subtype SUBTYPES[p % 5] (skewed: LumA most common), site p % 3. */
    private static List<Unit> cohort() {
        List<Unit> units = new ArrayList<>();
        for (int slide = 0; slide < 4; slide++) {
            for (int p = 0; p < 53; p++) {
                if (slide < 1 + p % 4) {
                    String stratum = p % 7 < 3 ? SUBTYPES[0] : SUBTYPES[p % 5];
                    units.add(new Unit("P" + p + "-S" + slide, "P" + p, "site" + p % 3, stratum));
                }
            }
        }
        return units;
    }

    private static List<Split> everyKind() {
        List<Unit> units = cohort();
        return List.of(Splits.kFold("k5", units, 5, 1), Splits.stratifiedKFold("s5", units, 5, 1),
                Splits.holdOut("h", units, 0.2, 4, 1), Splits.leaveOnePatientOut("lopo", units),
                Splits.leaveOneGroupOut("logo", units));
    }

    /** Patients of each side of every fold, from the fold's unit lists (not from the rows' patient field). */
    @Test
    void noPatientIsOnBothSidesOfAnyFoldForEveryKind() {
        Map<String, String> patientOf = cohort().stream().collect(Collectors.toMap(Unit::id, Unit::patient));
        for (Split split : everyKind()) {
            assertEquals(cohort().size(), split.rows().size(), split.name());
            for (Fold fold : split.allFolds()) {
                Set<String> train = patients(fold.train(), patientOf);
                Set<String> validation = patients(fold.validation(), patientOf);
                Set<String> test = patients(fold.test(), patientOf);
                assertTrue(Collections.disjoint(train, validation), split.name() + " fold " + fold.index());
                assertTrue(Collections.disjoint(train, test), split.name() + " fold " + fold.index());
                assertTrue(Collections.disjoint(validation, test), split.name() + " fold " + fold.index());
                assertEquals(53, train.size() + validation.size() + test.size(), split.name() + " covers all patients");
            }
        }
    }

    private static Set<String> patients(List<String> units, Map<String, String> patientOf) {
        return units.stream().map(patientOf::get).collect(Collectors.toSet());
    }

    @Test
    void foldSizesInPatientsDifferByAtMostOne() {
        for (Split split : List.of(Splits.kFold("k", cohort(), 5, 7), Splits.stratifiedKFold("s", cohort(), 5, 7),
                Splits.holdOut("h", cohort(), 0.25, 3, 7))) {
            int[] sizes = new int[split.folds()];
            for (int f = 0; f < sizes.length; f++) {
                sizes[f] = split.patientsOfFold(f).size();
            }
            int max = java.util.Arrays.stream(sizes).max().orElseThrow();
            int min = java.util.Arrays.stream(sizes).min().orElseThrow();
            assertTrue(max - min <= 1, split.name() + " " + java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void holdOutTestSetIsTheRequestedFractionOfPatients() {
        Split split = Splits.holdOut("h", cohort(), 0.2, 4, 3);
        assertEquals(Math.round(0.2 * 53), split.testPatients().size());
        assertEquals(4, split.folds());
    }

    @Test
    void stratifiedFoldsKeepEachStratumsShareWithinOnePatient() {
        List<Unit> units = cohort();
        Split split = Splits.stratifiedKFold("s", units, 5, 11);
        Map<String, String> stratumOf = new HashMap<>();
        units.forEach(u -> stratumOf.put(u.patient(), u.stratum()));
        Map<String, Long> total = stratumOf.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        for (int f = 0; f < 5; f++) {
            Map<String, Long> inFold = split.patientsOfFold(f).stream().map(stratumOf::get)
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            for (var e : total.entrySet()) {
                double expected = e.getValue() / 5.0;
                long got = inFold.getOrDefault(e.getKey(), 0L);
                assertTrue(Math.abs(got - expected) < 1, "fold " + f + " stratum " + e.getKey() + ": " + got + " vs " + expected);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheUnitOrder() {
        List<Unit> reversed = new ArrayList<>(cohort());
        Collections.reverse(reversed);
        assertEquals(Splits.kFold("a", cohort(), 5, 42), Splits.kFold("a", reversed, 5, 42));
        assertEquals(Splits.stratifiedKFold("a", cohort(), 5, 42), Splits.stratifiedKFold("a", reversed, 5, 42));
        assertEquals(Splits.holdOut("a", cohort(), 0.3, 3, 42), Splits.holdOut("a", reversed, 0.3, 3, 42));
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        assertNotEquals(Splits.kFold("a", cohort(), 5, 1).rows(), Splits.kFold("a", cohort(), 5, 2).rows());
        assertNotEquals(Splits.stratifiedKFold("a", cohort(), 5, 1).rows(), Splits.stratifiedKFold("a", cohort(), 5, 2).rows());
        assertNotEquals(Splits.holdOut("a", cohort(), 0.3, 3, 1).testPatients(), Splits.holdOut("a", cohort(), 0.3, 3, 2).testPatients());
    }

    /**
     * Pinned (the output of the first run; a regression pin, not an independent reference) so that a change of
     * generator or dealing order, which would silently change splits already stored, fails.
     */
    @Test
    void aSeedGivesTheSameFoldsOnEveryRun() {
        Split split = Splits.kFold("pinned", List.of(Unit.of("a", "p1"), Unit.of("b", "p2"), Unit.of("c", "p3"),
                Unit.of("d", "p4"), Unit.of("e", "p5"), Unit.of("f", "p5")), 2, 2024);
        assertEquals(PINNED, split.rows().stream().map(r -> r.unit() + r.fold()).toList());
    }

    private static final List<String> PINNED = List.of("a0", "b1", "c1", "d0", "e0", "f0");

    @Test
    void leaveOnePatientOutHasOneFoldPerPatient() {
        Split split = Splits.leaveOnePatientOut("lopo", cohort());
        assertEquals(53, split.folds());
        for (int f = 0; f < 53; f++) {
            assertEquals(1, split.patientsOfFold(f).size());
        }
    }

    @Test
    void leaveOneGroupOutRejectsAPatientInTwoGroups() {
        List<Unit> units = List.of(new Unit("s1", "p1", "A", null), new Unit("s2", "p1", "B", null), new Unit("s3", "p2", "B", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splits.leaveOneGroupOut("g", units));
        assertTrue(e.getMessage().contains("patient p1"), e.getMessage());
        Split split = Splits.leaveOneGroupOut("g", cohort());
        assertEquals(3, split.folds());
    }

    @Test
    void rowsThatPutAPatientOnTwoSidesAreRejected() {
        List<SplitRow> rows = List.of(new SplitRow("s1", "p1", 0, Role.TRAIN), new SplitRow("s2", "p1", 1, Role.TRAIN),
                new SplitRow("s3", "p2", 1, Role.TRAIN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Split("x", 0, SplitKind.K_FOLD, 2, rows));
        assertTrue(e.getMessage().contains("patient p1 on two sides"), e.getMessage());
    }

    @Test
    void storedRowsRebuildTheSameSplit() {
        Split split = Splits.holdOut("h", cohort(), 0.2, 4, 5);
        assertEquals(split, new Split(split.name(), split.seed(), split.kind(), split.folds(), new ArrayList<>(split.rows())));
    }

    @Test
    void foldRowsPickMatrixRowsByUnitAndRejectUnknownUnits() {
        Split split = Splits.kFold("k", List.of(Unit.of("a", "p1"), Unit.of("b", "p2"), Unit.of("c", "p2")), 2, 3);
        Fold fold = split.fold(0);
        List<String> rows = List.of("a", "b", "a", "c");
        Set<Integer> all = new HashSet<>();
        for (int i : fold.trainRows(rows)) {
            all.add(i);
        }
        for (int i : fold.validationRows(rows)) {
            assertTrue(all.add(i), "row " + i + " on both sides");
        }
        assertEquals(4, all.size());
        assertThrows(IllegalArgumentException.class, () -> fold.trainRows(List.of("a", "zz")));
    }

    @Test
    void badArgumentsNameTheBadValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Splits.kFold("k", cohort(), 1, 0)).getMessage().contains("1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Splits.holdOut("h", cohort(), 1.5, 2, 0)).getMessage().contains("1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Splits.kFold("k", List.of(Unit.of("a", "p"), Unit.of("a", "q")), 2, 0))
                .getMessage().contains("unit a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedKFold("s", List.of(Unit.of("a", "p"), Unit.of("b", "q")), 2, 0))
                .getMessage().contains("stratum"));
    }
}
