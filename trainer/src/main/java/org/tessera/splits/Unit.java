package org.tessera.splits;

/**
 * What a split is made of: one unit (a slide, a section or a spot) and the patient it comes from, with the
 * optional group (for leave-one-group-out) and stratum (for stratified folds) of that patient. Targets are
 * deliberately absent: a split is fixed before any expression is looked at.
 *
 * @param id      the unit's id, as the feature matrix's row ids (slide ids), not blank
 * @param patient the patient's id, not blank
 * @param group   the group, or null when not used
 * @param stratum the stratum label, or null when not used
 */
public record Unit(String id, String patient, String group, String stratum) {
    public Unit {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("unit id must not be blank, got " + (id == null ? "null" : "'" + id + "'"));
        }
        if (patient == null || patient.isBlank()) {
            throw new IllegalArgumentException("unit " + id + " has no patient id");
        }
    }

    /** A unit with neither group nor stratum. */
    public static Unit of(String id, String patient) {
        return new Unit(id, patient, null, null);
    }
}
