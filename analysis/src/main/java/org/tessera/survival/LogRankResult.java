package org.tessera.survival;

import java.util.List;

/**
 * The log-rank (Mantel-Haenszel) test of equal hazards across groups, as R's {@code survdiff(rho = 0)}.
 *
 * @param groups     per-group counts in sorted label order
 * @param chiSquare  the statistic, &ge; 0
 * @param df         degrees of freedom: groups with a positive expected count, minus one
 * @param pValue     upper chi-square tail
 * @param strata     number of strata the test was summed over (1 when unstratified)
 */
public record LogRankResult(List<LogRankGroup> groups, double chiSquare, int df, double pValue, int strata) {
    public LogRankResult {
        groups = List.copyOf(groups);
        if (groups.size() < 2) {
            throw new IllegalArgumentException("a log-rank test needs at least 2 groups: " + groups.size());
        }
        if (!(chiSquare >= 0 && chiSquare < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("chiSquare must be finite and >= 0: " + chiSquare);
        }
        if (df < 1 || df >= groups.size()) {
            throw new IllegalArgumentException("df must be in [1, groups - 1 = " + (groups.size() - 1) + "]: " + df);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1]: " + pValue);
        }
        if (strata < 1) {
            throw new IllegalArgumentException("strata must be >= 1: " + strata);
        }
    }

    /** The line for one group label. */
    public LogRankGroup group(String label) {
        return groups.stream().filter(g -> g.group().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + label + " in " + groups));
    }
}
