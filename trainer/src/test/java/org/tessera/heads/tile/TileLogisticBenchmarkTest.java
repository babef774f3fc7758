package org.tessera.heads.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at a size a unit test can afford (the 10^6 x 768 run takes a 3.5 GB heap and is run by
 * hand or by {@code tessera benchmark tile-logistic}): it fits, converges, finds the planted signal and
 * reports its sizes.
 */
class TileLogisticBenchmarkTest {
    @Test
    void smallRunConvergesAndFindsTheSignal() {
        TileLogisticBenchmark.Result r = TileLogisticBenchmark.run(20_000, 64, 42);
        assertEquals(20_000, r.tiles());
        assertEquals(64, r.features());
        assertTrue(r.converged(), r.toString());
        // labels are Bernoulli(sigmoid(z)) with z of standard deviation 1: the best possible AUC is about 0.74
        assertTrue(r.trainingAuc() > 0.68 && r.trainingAuc() < 0.8, r.toString());
        assertTrue(r.peakHeapBytes() >= 20_000L * 64 * 4, r.toString());
    }

    @Test
    void sameSeedSameData() {
        assertEquals(TileLogisticBenchmark.run(5_000, 16, 3).trainingAuc(), TileLogisticBenchmark.run(5_000, 16, 3).trainingAuc());
    }

    @Test
    void aDesignBeyondOneArrayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TileLogisticBenchmark.run(3_000_000, 768, 1));
        assertTrue(e.getMessage().contains("exceed one Java array"), e.getMessage());
    }
}
