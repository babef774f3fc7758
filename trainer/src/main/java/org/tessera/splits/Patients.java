package org.tessera.splits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The units of a split grouped by patient, patients in id order, so that what is drawn depends only on the
 * seed and the set of units, never on the order the caller listed them in.
 */
final class Patients {
    private final Map<String, List<Unit>> byPatient = new TreeMap<>();

    Patients(List<Unit> units) {
        Objects.requireNonNull(units, "units");
        Set<String> ids = new HashSet<>();
        for (Unit unit : units) {
            Objects.requireNonNull(unit, "unit");
            if (!ids.add(unit.id())) {
                throw new IllegalArgumentException("unit " + unit.id() + " is listed twice");
            }
            byPatient.computeIfAbsent(unit.patient(), p -> new ArrayList<>()).add(unit);
        }
        if (byPatient.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one unit");
        }
        byPatient.values().forEach(list -> list.sort((a, b) -> a.id().compareTo(b.id())));
    }

    int count() {
        return byPatient.size();
    }

    /** Patient ids, sorted. */
    List<String> ids() {
        return List.copyOf(byPatient.keySet());
    }

    /**
     * The one value of {@code attribute} (group or stratum) each patient's units share.
     *
     * @throws IllegalArgumentException if a unit lacks it or a patient's units disagree
     */
    Map<String, String> attribute(String what, Function<Unit, String> attribute) {
        Map<String, String> values = new TreeMap<>();
        byPatient.forEach((patient, units) -> {
            for (Unit unit : units) {
                String v = attribute.apply(unit);
                if (v == null) {
                    throw new IllegalArgumentException("unit " + unit.id() + " (patient " + patient + ") has no " + what);
                }
                String first = values.putIfAbsent(patient, v);
                if (first != null && !first.equals(v)) {
                    throw new IllegalArgumentException("patient " + patient + " has units in " + what + " '" + first + "' and '" + v
                            + "' (unit " + unit.id() + "): a patient must lie in one " + what);
                }
            }
        });
        return values;
    }

    /** One row per unit, patients in id order: the patient's fold from {@code fold}, or TEST for {@link SplitRow#NO_FOLD}. */
    List<SplitRow> rows(Map<String, Integer> fold) {
        List<SplitRow> rows = new ArrayList<>();
        byPatient.forEach((patient, units) -> {
            int f = fold.get(patient);
            for (Unit unit : units) {
                rows.add(new SplitRow(unit.id(), patient, f, f == SplitRow.NO_FOLD ? Role.TEST : Role.TRAIN));
            }
        });
        return rows;
    }

    /**
     * Fisher-Yates with {@link java.util.Random}, whose generator and {@code nextInt(bound)} are specified
     * exactly by the Java SE API, so a seed gives the same order on every JVM.
     */
    static <T> List<T> shuffled(List<T> items, java.util.Random random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
