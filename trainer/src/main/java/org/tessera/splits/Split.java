package org.tessera.splits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named, seeded assignment of units to folds or to the test set: what a head's evaluation is reproducible
 * from. The constructor checks the one rule a split must never break, that no patient has units on two
 * sides (two folds, or a fold and the test set); rows read back from the store pass the same check.
 *
 * @param name  the split's name, not blank (the key in the store)
 * @param seed  the seed it was drawn with (recorded also for kinds that draw nothing)
 * @param kind  how it was made
 * @param folds the number of folds, at least 1, each holding at least one unit (a held-out split with one
 *              fold has no cross-validation: its pool is the training set, see {@link #pool()})
 * @param rows  one row per unit, in a stable order (units sorted by patient, then id)
 */
public record Split(String name, long seed, SplitKind kind, int folds, List<SplitRow> rows) {
    public Split {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("split name must not be blank, got " + name);
        }
        Objects.requireNonNull(kind, "kind");
        rows = List.copyOf(rows);
        if (folds < 1) {
            throw new IllegalArgumentException("split " + name + " needs at least 1 fold, got " + folds);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("split " + name + " has no units");
        }
        if (folds > rows.size()) { // every fold holds a unit; checked before sizing by folds (a bundle claiming 10^9 folds, found by fuzzing)
            throw new IllegalArgumentException("split " + name + " has " + folds + " folds but only " + rows.size() + " units");
        }
        Map<String, SplitRow> byUnit = new HashMap<>();
        Map<String, SplitRow> byPatient = new HashMap<>();
        boolean[] used = new boolean[folds];
        for (SplitRow row : rows) {
            if (byUnit.put(row.unit(), row) != null) {
                throw new IllegalArgumentException("split " + name + " lists unit " + row.unit() + " twice");
            }
            SplitRow first = byPatient.putIfAbsent(row.patient(), row);
            if (first != null && (first.fold() != row.fold() || first.role() != row.role())) {
                throw new IllegalArgumentException("split " + name + " puts patient " + row.patient() + " on two sides: unit "
                        + first.unit() + " in " + side(first) + ", unit " + row.unit() + " in " + side(row));
            }
            if (row.fold() >= folds) {
                throw new IllegalArgumentException("split " + name + ": unit " + row.unit() + " is in fold " + row.fold()
                        + " of " + folds);
            }
            if (row.fold() >= 0) {
                used[row.fold()] = true;
            }
        }
        for (int f = 0; f < used.length; f++) {
            if (!used[f]) {
                throw new IllegalArgumentException("split " + name + ": fold " + f + " of " + folds + " is empty");
            }
        }
    }

    private static String side(SplitRow row) {
        return row.role() == Role.TEST ? "the test set" : "fold " + row.fold();
    }

    /** The round of cross-validation that validates on fold {@code index}. */
    public Fold fold(int index) {
        Objects.checkIndex(index, folds);
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        for (SplitRow row : rows) {
            if (row.role() == Role.TRAIN) {
                (row.fold() == index ? validation : train).add(row.unit());
            }
        }
        return new Fold(index, train, validation, test());
    }

    /** Every round of cross-validation, in fold order. */
    public List<Fold> allFolds() {
        List<Fold> all = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            all.add(fold(f));
        }
        return all;
    }

    /** The units of the cross-validation pool (every unit not in the test set): the training set of a hold-out. */
    public List<String> pool() {
        return rows.stream().filter(r -> r.role() == Role.TRAIN).map(SplitRow::unit).toList();
    }

    /**
     * Indices of the rows (given by their unit ids, e.g. {@code FeatureMatrix.slideIds()}) in the pool: the
     * training rows of a hold-out.
     *
     * @throws IllegalArgumentException if a row's unit is not in the split
     */
    public int[] poolRows(List<String> rowUnits) {
        return Fold.pick(rowUnits, pool(), units());
    }

    /** Indices of the rows in the test set; same check as {@link #poolRows}. */
    public int[] testRows(List<String> rowUnits) {
        return Fold.pick(rowUnits, test(), units());
    }

    private Set<String> units() {
        Set<String> units = new HashSet<>();
        rows.forEach(r -> units.add(r.unit()));
        return units;
    }

    /** The units held out of every fold (empty unless the split has a test set). */
    public List<String> test() {
        return rows.stream().filter(r -> r.role() == Role.TEST).map(SplitRow::unit).toList();
    }

    /** The patients of the units in fold {@code index} (for checks and reports). */
    public Set<String> patientsOfFold(int index) {
        Set<String> patients = new TreeSet<>();
        rows.stream().filter(r -> r.fold() == index && r.role() == Role.TRAIN).forEach(r -> patients.add(r.patient()));
        return patients;
    }

    /** The patients of the test set. */
    public Set<String> testPatients() {
        Set<String> patients = new HashSet<>();
        rows.stream().filter(r -> r.role() == Role.TEST).forEach(r -> patients.add(r.patient()));
        return new TreeSet<>(patients);
    }

    @Override
    public String toString() {
        return "Split[" + name + ", " + kind + ", seed " + seed + ", " + folds + " folds, " + rows.size() + " units]";
    }
}
