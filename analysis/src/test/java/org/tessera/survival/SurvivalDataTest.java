package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of survival rows: every error names the row and the bad value. */
class SurvivalDataTest {
    private static void assertRejected(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void negativeTimeIsRejectedNamingTheRow() {
        assertRejected("row 1 has -2.0", () -> SurvivalData.of(new double[] {1, -2}, new int[] {1, 0}));
    }

    @Test
    void nonFiniteTimeIsRejectedNamingTheRow() {
        assertRejected("row 0 has NaN", () -> SurvivalData.of(new double[] {Double.NaN}, new int[] {1}));
        assertRejected("row 0 has Infinity", () -> SurvivalData.of(new double[] {Double.POSITIVE_INFINITY},
                new int[] {1}));
    }

    @Test
    void statusOtherThanZeroOrOneIsRejected() {
        assertRejected("row 1 has 2", () -> SurvivalData.of(new double[] {1, 2}, new int[] {1, 2}));
    }

    @Test
    void mismatchedLengthsAndMissingLabelsAreRejected() {
        assertRejected("event has 1", () -> SurvivalData.of(new double[] {1, 2}, new boolean[] {true}));
        SurvivalData d = SurvivalData.of(new double[] {1, 2}, new int[] {1, 0});
        assertRejected("1 labels", () -> d.withGroups(List.of("a")));
        assertRejected("row 1", () -> d.withStrata(Arrays.asList("a", null)));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] t = {1, 2};
        SurvivalData d = SurvivalData.of(t, new int[] {1, 0});
        t[0] = 9;
        d.time()[1] = 9;
        assertEquals(1.0, d.time(0));
        assertEquals(2.0, d.time(1));
    }

    @Test
    void subsetKeepsRowsAndLabelsInOrder() {
        SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new int[] {1, 0, 1})
                .withGroups(List.of("a", "b", "c"));
        SurvivalData s = d.subset(new boolean[] {true, false, true});
        assertEquals(List.of("a", "c"), s.groups());
        assertEquals(3.0, s.time(1));
        assertEquals(2, s.events());
    }
}
