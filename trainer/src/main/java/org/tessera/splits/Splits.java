package org.tessera.splits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The ways to split a cohort, each at the patient level and each seeded. No method takes targets: a split
 * is fixed before expression is looked at, so it cannot be tuned to the outcome.
 *
 * <p>Conventions. Patients are taken in id order, shuffled with {@code new Random(seed)} and dealt to folds
 * in turn (patient i of the shuffled order to fold i mod k), so fold sizes <em>in patients</em> differ by at
 * most one; unit counts follow the patients. Stratified folds shuffle each stratum (strata in label order)
 * and keep dealing across strata, so each stratum's patients and the total are both balanced within one
 * per fold. The test set of a hold-out is the first round(fraction x patients) patients of the shuffled
 * order (at least one, leaving at least k).
 */
public final class Splits {
    private Splits() {
    }

    /**
     * k folds of whole patients.
     *
     * @throws IllegalArgumentException if k &lt; 2 or there are fewer than k patients
     */
    public static Split kFold(String name, List<Unit> units, int k, long seed) {
        Patients patients = new Patients(units);
        requireFolds(k, 2, patients.count());
        List<String> order = Patients.shuffled(patients.ids(), new Random(seed));
        return new Split(name, seed, SplitKind.K_FOLD, k, patients.rows(deal(order, k)));
    }

    /**
     * k folds of whole patients with each stratum (a patient-level label such as the PAM50 subtype) spread
     * evenly over the folds.
     *
     * @throws IllegalArgumentException if k &lt; 2, there are fewer than k patients, a unit has no stratum or
     *                                  one patient's units have different strata
     */
    public static Split stratifiedKFold(String name, List<Unit> units, int k, long seed) {
        Patients patients = new Patients(units);
        requireFolds(k, 2, patients.count());
        Map<String, List<String>> byStratum = new TreeMap<>();
        patients.attribute("stratum", Unit::stratum).forEach((p, s) -> byStratum.computeIfAbsent(s, x -> new ArrayList<>()).add(p));
        Random random = new Random(seed);
        List<String> order = new ArrayList<>();
        byStratum.values().forEach(list -> order.addAll(Patients.shuffled(list, random)));
        return new Split(name, seed, SplitKind.STRATIFIED_K_FOLD, k, patients.rows(deal(order, k)));
    }

    /**
     * A test set of about {@code testFraction} of the patients, and the remaining patients in k folds
     * ({@code k = 1}: no cross-validation, the rest is one training set).
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1), k &lt; 1, or too few patients remain
     *                                  for k folds
     */
    public static Split holdOut(String name, List<Unit> units, double testFraction, int k, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        Patients patients = new Patients(units);
        int n = patients.count();
        int test = (int) Math.max(1, Math.round(testFraction * n));
        requireFolds(k, 1, n - test);
        List<String> order = Patients.shuffled(patients.ids(), new Random(seed));
        Map<String, Integer> fold = new HashMap<>(deal(order.subList(test, n), k));
        order.subList(0, test).forEach(p -> fold.put(p, SplitRow.NO_FOLD));
        return new Split(name, seed, SplitKind.HOLD_OUT, k, patients.rows(fold));
    }

    /** One fold per patient, in patient id order; nothing is drawn (the seed is recorded as 0). */
    public static Split leaveOnePatientOut(String name, List<Unit> units) {
        Patients patients = new Patients(units);
        requireFolds(patients.count(), 2, patients.count());
        return new Split(name, 0, SplitKind.LEAVE_ONE_PATIENT_OUT, patients.count(), patients.rows(deal(patients.ids(), patients.count())));
    }

    /**
     * One fold per group (groups in label order), e.g. per site or batch; nothing is drawn (seed 0).
     *
     * @throws IllegalArgumentException if a unit has no group, a patient's units are in different groups
     *                                  (holding out one of them would leak the patient: use
     *                                  {@link #leaveOnePatientOut}), or there are fewer than 2 groups
     */
    public static Split leaveOneGroupOut(String name, List<Unit> units) {
        Patients patients = new Patients(units);
        Map<String, String> groupOf = patients.attribute("group", Unit::group);
        List<String> groups = groupOf.values().stream().distinct().sorted().toList();
        if (groups.size() < 2) {
            throw new IllegalArgumentException("leave-one-group-out needs at least 2 groups, got " + groups);
        }
        Map<String, Integer> fold = new HashMap<>();
        groupOf.forEach((p, g) -> fold.put(p, groups.indexOf(g)));
        return new Split(name, 0, SplitKind.LEAVE_ONE_GROUP_OUT, groups.size(), patients.rows(fold));
    }

    private static Map<String, Integer> deal(List<String> order, int k) {
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            fold.put(order.get(i), i % k);
        }
        return fold;
    }

    private static void requireFolds(int k, int min, int patients) {
        if (k < min) {
            throw new IllegalArgumentException("need at least " + min + " folds, got " + k);
        }
        if (patients < k) {
            throw new IllegalArgumentException(k + " folds need at least " + k + " patients, got " + patients);
        }
    }
}
