package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerGeneOptionsTest {
    @Test
    void badValuesAreRejectedWithTheValueNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PerGeneOptions.gcv(1, -2)).getMessage().contains("-2.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PerGeneOptions.gcv(1, 10).withBlockSize(0)).getMessage()
                .contains("got 0"));
        assertThrows(NullPointerException.class, () -> new PerGeneOptions(List.of(1.0), null, 10));
    }

    /** np.logspace(-2, 4, 13): the grid of the scikit-learn comparison, to 1 ulp-ish. */
    @Test
    void logGridMatchesNumpyLogspace() {
        assertArrayEquals(new double[] {0.01, 0.03162277660168379, 0.09999999999999999, 0.31622776601683794, 1.0,
            3.162277660168379, 10.0, 31.622776601683796, 100.0, 316.2277660168379, 1000.0, 3162.277660168379, 10000.0},
                PerGeneOptions.logGrid(-2, 4, 13), 1e-12);
        assertEquals(PenaltyCriterion.GCV, PerGeneOptions.gcv(PerGeneOptions.logGrid(-2, 4, 10)).criterion());
    }
}
