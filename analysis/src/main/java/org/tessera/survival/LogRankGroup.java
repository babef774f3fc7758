package org.tessera.survival;

/**
 * One group's line of a log-rank table, as R's {@code survdiff} prints it.
 *
 * @param group    the group label
 * @param n        patients in the group
 * @param observed events observed in the group
 * @param expected events expected under equal hazards (summed over strata when stratified)
 */
public record LogRankGroup(String group, int n, double observed, double expected) {
    public LogRankGroup {
        if (group == null) {
            throw new IllegalArgumentException("group must not be null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 for group " + group + ": " + n);
        }
        if (!(observed >= 0 && observed <= n)) {
            throw new IllegalArgumentException("observed must be in [0, n] for group " + group + ": " + observed);
        }
        if (!(expected >= 0 && expected < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("expected must be finite and >= 0 for group " + group + ": "
                    + expected);
        }
    }
}
