package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RidgeOptionsTest {
    @Test
    void rejectsAnEmptyGrid() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RidgeOptions(List.of(), true));
        assertTrue(e.getMessage().contains("at least one lambda"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveOrNonFiniteLambdasNamingThem() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RidgeOptions.perOutput(1, bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    @Test
    void rejectsRepeatedLambdas() {
        assertThrows(IllegalArgumentException.class, () -> RidgeOptions.perOutput(1, 10, 1));
    }

    @Test
    void factoriesSayWhetherLambdaIsChosenPerOutput() {
        assertEquals(new RidgeOptions(List.of(3.0), false), RidgeOptions.shared(3));
        assertTrue(RidgeOptions.perOutput(1, 2).perOutput());
        assertArrayEquals(new double[] {1, 2}, RidgeOptions.sharedGrid(1, 2).lambdaArray());
    }
}
