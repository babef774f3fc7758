package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.stats.Assert.assertRelative;

import org.junit.jupiter.api.Test;

/**
 * Distribution functions against scipy 1.10.1. Every expected value below was printed once by this script
 * (/usr/bin/python3, scipy 1.10.1):
 *
 * <pre>
 * from scipy import stats
 * for x in [-37, -20, -8.3, -3, -1.96, -0.5, -1e-10, 0, 0.3, 1, 2.5, 6, 9]: print("norm.cdf", x, repr(stats.norm.cdf(x)))
 * for x in [-3, 0.5, 1.96, 5, 10, 20, 37]: print("norm.sf", x, repr(stats.norm.sf(x)))
 * for p in [1e-300, 1e-20, 1e-8, 0.001, 0.02425, 0.025, 0.3, 0.5, 0.5 + 1e-9, 0.7, 0.975, 0.999, 1 - 1e-12]:
 *     print("norm.ppf", repr(p), repr(stats.norm.ppf(p)))
 * for t, df in [(0.5, 1), (2.3, 2), (1.96, 5.5), (-2.1, 10), (4, 30), (25, 1091), (40, 1091), (3, 1e5), (1e-6, 20)]:
 *     print("t", t, df, repr(2 * stats.t.sf(abs(t), df)))
 * for x, df in [(0.001, 1), (3.84, 1), (10, 1), (100, 1), (5.99, 2), (7.81, 3), (30, 10), (0.5, 10), (120, 100),
 *               (50, 100), (1000, 3), (3, 0.5)]:
 *     print("chi2", x, df, repr(stats.chi2.sf(x, df)))
 * for f, d1, d2 in [(0.5, 1, 1), (4.96, 1, 10), (3.1, 3, 100), (2.5, 10, 3), (1.2, 50, 50), (50, 2, 200), (1e-6, 0.5, 7.5)]:
 *     print("f", f, d1, d2, repr(stats.f.sf(f, d1, d2)))
 * for k, n, p in [(3, 15, 0.1), (0, 10, 0.5), (10, 10, 0.5), (3, 10, 0.5), (2, 20, 0.1), (11, 20, 0.3), (25, 100, 0.25),
 *                 (40, 100, 0.25), (510, 1000, 0.5), (554, 1000, 0.5), (73, 1000, 0.01), (2, 7, 1 / 3), (0, 30, 0.0),
 *                 (3, 30, 0.0), (30, 30, 1.0), (383099, 1000000, 0.4),
 *                 (1, 4, 0.5), (8, 9, 0.5), (9, 11, 0.5), (1, 7, 0.25), (1, 9, 0.2), (1, 19, 0.1), (5, 19, 0.3), (6, 14, 0.4)]:
 *     print("binomtest", k, n, repr(p), repr(stats.binomtest(k, n, p).pvalue))
 * </pre>
 *
 * The tolerance is 1e-10 relative throughout (scipy itself is not exact to the last digit: mpmath at 40 digits
 * gives f.sf(1e-6, 0.5, 7.5) = 0.97595130428302753..., 3e-12 from scipy's value).
 */
class DistributionsTest {
    private static final double TOLERANCE = 1e-10;

    @Test
    void normalCdfMatchesScipy() {
        double[][] cases = {
            {-37, 5.7255712225239266e-300}, {-20, 2.7536241186061556e-89}, {-8.3, 5.2055697448902465e-17},
            {-3, 0.0013498980316300933}, {-1.96, 0.024997895148220435}, {-0.5, 0.3085375387259869},
            {-1e-10, 0.49999999996010575}, {0, 0.5}, {0.3, 0.6179114221889526}, {1, 0.8413447460685429},
            {2.5, 0.9937903346742238}, {6, 0.9999999990134123}, {9, 1.0},
        };
        for (double[] c : cases) {
            assertRelative(c[1], Distributions.normalCdf(c[0]), TOLERANCE, "normalCdf(" + c[0] + ")");
        }
    }

    @Test
    void normalSfMatchesScipyFarIntoTheUpperTail() {
        double[][] cases = {
            {-3, 0.9986501019683699}, {0.5, 0.3085375387259869}, {1.96, 0.024997895148220435},
            {5, 2.866515718791933e-07}, {10, 7.61985302416047e-24}, {20, 2.7536241186061556e-89},
            {37, 5.7255712225239266e-300},
        };
        for (double[] c : cases) {
            assertRelative(c[1], Distributions.normalSf(c[0]), TOLERANCE, "normalSf(" + c[0] + ")");
        }
    }

    @Test
    void normalQuantileMatchesScipy() {
        double[][] cases = {
            {1e-300, -37.0470962993612}, {1e-20, -9.262340089798409}, {1e-08, -5.612001244174789},
            {0.001, -3.090232306167813}, {0.02425, -1.972961051311885}, {0.025, -1.9599639845400545},
            {0.3, -0.5244005127080409}, {0.5, 0.0}, {0.500000001, 2.5066282037387115e-09},
            {0.7, 0.5244005127080407}, {0.975, 1.959963984540054}, {0.999, 3.090232306167813},
            {0.999999999999, 7.0344869100478356},
        };
        for (double[] c : cases) {
            assertRelative(c[1], Distributions.normalQuantile(c[0]), TOLERANCE, "normalQuantile(" + c[0] + ")");
        }
    }

    @Test
    void normalQuantileOfZeroAndOneIsInfinite() {
        assertEquals(Double.NEGATIVE_INFINITY, Distributions.normalQuantile(0));
        assertEquals(Double.POSITIVE_INFINITY, Distributions.normalQuantile(1));
    }

    @Test
    void studentTwoSidedPValueMatchesScipy() {
        double[][] cases = {
            {0.5, 1, 0.7048327646991336}, {2.3, 2, 0.14814814814814814}, {1.96, 5.5, 0.10206162468246854},
            {-2.1, 10, 0.06207724420221853}, {4, 30, 0.0003818456360837564}, {25, 1091, 2.021991072061613e-109},
            {40, 1091, 4.0835118952439097e-216}, {3, 1e5, 0.0027004608840647194},
            {1e-6, 20, 0.9999992120228286},
        };
        for (double[] c : cases) {
            assertRelative(c[2], Distributions.studentTSf2(c[0], c[1]), TOLERANCE,
                    "studentTSf2(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void studentTwoSidedPValueIsSymmetricInT() {
        assertEquals(Distributions.studentTSf2(2.7, 12), Distributions.studentTSf2(-2.7, 12), 0.0);
    }

    @Test
    void infiniteStatisticsGiveZeroPValues() {
        assertEquals(0.0, Distributions.studentTSf2(Double.POSITIVE_INFINITY, 5));
        assertEquals(0.0, Distributions.studentTSf2(Double.NEGATIVE_INFINITY, 5));
        assertEquals(0.0, Distributions.chiSquareSf(Double.POSITIVE_INFINITY, 3));
        assertEquals(0.0, Distributions.fSf(Double.POSITIVE_INFINITY, 2, 7));
    }

    @Test
    void chiSquareSfMatchesScipy() {
        double[][] cases = {
            {0.001, 1, 0.9747728793699604}, {3.84, 1, 0.05004352124870519}, {10, 1, 0.001565402258002549},
            {100, 1, 1.5239706048320995e-23}, {5.99, 2, 0.05003662708658629}, {7.81, 3, 0.05010605635000589},
            {30, 10, 0.000856641210775301}, {0.5, 10, 0.999993388289439}, {120, 100, 0.08440668109369177},
            {50, 100, 0.9999930466947524}, {1000, 3, 1.7994208765314067e-216}, {3, 0.5, 0.03341644415897894},
        };
        for (double[] c : cases) {
            assertRelative(c[2], Distributions.chiSquareSf(c[0], c[1]), TOLERANCE,
                    "chiSquareSf(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void chiSquareSfOfZeroIsOne() {
        assertEquals(1.0, Distributions.chiSquareSf(0, 4));
    }

    @Test
    void fSfMatchesScipy() {
        double[][] cases = {
            {0.5, 1, 1, 0.6081734479693929}, {4.96, 1, 10, 0.050087650566468196}, {3.1, 3, 100, 0.03014621583151701},
            {2.5, 10, 3, 0.2439174274603792}, {1.2, 50, 50, 0.2607781780592512}, {50, 2, 200, 2.4596544265798153e-18},
            {1e-6, 0.5, 7.5, 0.9759513042858717},
        };
        for (double[] c : cases) {
            assertRelative(c[3], Distributions.fSf(c[0], c[1], c[2]), TOLERANCE,
                    "fSf(" + c[0] + ", " + c[1] + ", " + c[2] + ")");
        }
    }

    @Test
    void binomialTwoSidedMatchesScipyBinomtest() {
        double[][] cases = {
            {3, 15, 0.1, 0.18406106910639106}, {0, 10, 0.5, 0.001953125}, {10, 10, 0.5, 0.001953125},
            {3, 10, 0.5, 0.34375}, {2, 20, 0.1, 1.0}, {11, 20, 0.3, 0.024782076205458414}, {25, 100, 0.25, 1.0},
            {40, 100, 0.25, 0.0010801099946617435}, {510, 1000, 0.5, 0.5479727459234766},
            {554, 1000, 0.5, 0.0007076562720101314}, {73, 1000, 0.01, 1.5566031504016054e-38},
            {2, 7, 1.0 / 3, 1.0}, {0, 30, 0.0, 1.0}, {3, 30, 0.0, 0.0}, {30, 30, 1.0, 1.0},
            {383099, 1000000, 0.4, 4.521597350862246e-262},
        };
        check(cases);
    }

    @Test
    void binomialTwoSidedCountsOutcomesTiedWithKAsScipyDoes() {
        // Outcomes exactly as likely as k in exact arithmetic (C(7,1) 3^6 = C(7,2) 3^5 for p = 1/4, mirror images
        // for p = 1/2): rounding splits such ties, so only scipy's relative tolerance 1 + 1e-7 gets these right.
        double[][] cases = {
            {1, 4, 0.5, 0.625}, {8, 9, 0.5, 0.0390625}, {9, 11, 0.5, 0.0654296875}, {1, 7, 0.25, 1.0},
            {1, 9, 0.2, 1.0}, {1, 19, 0.1, 1.0}, {5, 19, 0.3, 1.0}, {6, 14, 0.4, 1.0},
        };
        check(cases);
    }

    private static void check(double[][] cases) {
        for (double[] c : cases) {
            assertRelative(c[3], Distributions.binomialTwoSided((int) c[0], (int) c[1], c[2]), TOLERANCE,
                    "binomialTwoSided(" + (int) c[0] + ", " + (int) c[1] + ", " + c[2] + ")");
        }
    }

    @Test
    void nanArgumentsAreRejectedByName() {
        assertMessage(() -> Distributions.normalCdf(Double.NaN), "x is NaN");
        assertMessage(() -> Distributions.normalSf(Double.NaN), "x is NaN");
        assertMessage(() -> Distributions.normalQuantile(Double.NaN), "p must be in [0, 1]: NaN");
        assertMessage(() -> Distributions.studentTSf2(Double.NaN, 3), "t is NaN");
        assertMessage(() -> Distributions.chiSquareSf(1, Double.NaN), "df must be positive and finite: NaN");
        assertMessage(() -> Distributions.fSf(Double.NaN, 1, 2), "f is NaN");
    }

    @Test
    void outOfDomainArgumentsAreRejectedWithTheirValue() {
        assertMessage(() -> Distributions.normalQuantile(1.5), "1.5");
        assertMessage(() -> Distributions.studentTSf2(1, 0), "df must be positive and finite: 0.0");
        assertMessage(() -> Distributions.studentTSf2(1, Double.POSITIVE_INFINITY), "df");
        assertMessage(() -> Distributions.chiSquareSf(-1, 2), "chi-square statistic must be >= 0: -1.0");
        assertMessage(() -> Distributions.fSf(1, 2, -3), "d2 must be positive and finite: -3.0");
        assertMessage(() -> Distributions.binomialTwoSided(11, 10, 0.5), "k must be in [0, n=10]: 11");
        assertMessage(() -> Distributions.binomialTwoSided(0, 0, 0.5), "n must be >= 1: 0");
        assertMessage(() -> Distributions.binomialTwoSided(1, 10, 1.2), "p must be in [0, 1]: 1.2");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
