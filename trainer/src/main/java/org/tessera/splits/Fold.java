package org.tessera.splits;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One round of cross-validation: fit on {@code train}, judge on {@code validation}; {@code test} units are
 * in neither. Rows of a feature matrix are picked by their unit ids (slide ids), so a tile-level matrix whose
 * rows repeat a slide id gets all its tiles on the slide's side.
 *
 * @param index      the fold index
 * @param train      unit ids to fit on, in the split's unit order
 * @param validation unit ids to judge on
 * @param test       unit ids held out of every fold
 */
public record Fold(int index, List<String> train, List<String> validation, List<String> test) {
    public Fold {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Indices of the rows (given by their unit ids) that are in {@link #train()}.
     *
     * @throws IllegalArgumentException if a row's unit is not in the split at all
     */
    public int[] trainRows(List<String> rowUnits) {
        return rows(rowUnits, train);
    }

    /** Indices of the rows that are in {@link #validation()}; same check as {@link #trainRows}. */
    public int[] validationRows(List<String> rowUnits) {
        return rows(rowUnits, validation);
    }

    /** Indices of the rows that are in {@link #test()}; same check as {@link #trainRows}. */
    public int[] testRows(List<String> rowUnits) {
        return rows(rowUnits, test);
    }

    private int[] rows(List<String> rowUnits, List<String> side) {
        Set<String> known = new HashSet<>(train);
        known.addAll(validation);
        known.addAll(test);
        return pick(rowUnits, side, known);
    }

    /** Indices of the rows whose unit is in {@code side}, rejecting units not in {@code known}. */
    static int[] pick(List<String> rowUnits, List<String> side, Set<String> known) {
        Set<String> wanted = new HashSet<>(side);
        int[] picked = new int[rowUnits.size()];
        int count = 0;
        for (int i = 0; i < rowUnits.size(); i++) {
            String unit = rowUnits.get(i);
            if (!known.contains(unit)) {
                throw new IllegalArgumentException("row " + i + " is unit " + unit + ", which is not in the split");
            }
            if (wanted.contains(unit)) {
                picked[count++] = i;
            }
        }
        return Arrays.copyOf(picked, count);
    }
}
