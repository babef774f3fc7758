package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cores-per-GPU derivation, on figures worked out by hand. */
class CpuCostTest {
    @Test
    void coresPerGpuAreTheGpuRateTimesTheCpuSecondsPerTileOutsideInference() {
        // 12 CPU seconds, 9 of them inference, 2,000 tiles: 3 s / 2,000 = 1.5 ms a tile outside inference,
        // so 667 tiles/s per core, and a GPU at 3,000 tiles/s needs 3,000 x 1.5 ms = 4.5 cores.
        CpuCost cost = new CpuCost(12, 9, 2000);
        assertEquals(1.5e-3, cost.nonInferenceSecondsPerTile(), 1e-12);
        assertEquals(666.67, cost.tilesPerSecondPerCore(), 0.01);
        assertEquals(4.5, cost.coresFor(3000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new CpuCost(1, 1, 0));
    }

    @Test
    void theProcessCpuClockAdvancesWithWork() {
        long before = CpuCost.processCpuNanos();
        double x = 0;
        for (int i = 0; i < 20_000_000; i++) {
            x += Math.sqrt(i);
        }
        assertTrue(CpuCost.processCpuNanos() > before && x > 0);
    }
}
