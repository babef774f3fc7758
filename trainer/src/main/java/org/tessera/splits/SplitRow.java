package org.tessera.splits;

/**
 * One unit's assignment in the flat form a store table ({@code splits}) holds: one row per unit, the split's
 * name, seed and kind stored beside it.
 *
 * @param unit    the unit id
 * @param patient its patient
 * @param fold    the fold in which it is validated, 0-based; {@link #NO_FOLD} (-1, NULL in SQL) for test units
 * @param role    {@link Role#TRAIN} (the cross-validation pool) or {@link Role#TEST}
 */
public record SplitRow(String unit, String patient, int fold, Role role) {
    /** The fold of a unit in no fold: the held-out test set. */
    public static final int NO_FOLD = -1;

    public SplitRow {
        new Unit(unit, patient, null, null); // same checks on the ids
        if (role == null || role == Role.VALIDATION) {
            throw new IllegalArgumentException("unit " + unit + ": a stored role is TRAIN or TEST, got " + role);
        }
        if (role == Role.TEST ? fold != NO_FOLD : fold < 0) {
            throw new IllegalArgumentException("unit " + unit + ": role " + role + " with fold " + fold
                    + " (TEST units have fold " + NO_FOLD + ", TRAIN units a fold >= 0)");
        }
    }
}
