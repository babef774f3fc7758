package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesMedianTest {
    // numpy.median([3, 1, 2]) = 2.0; numpy.median([4, 1, 3, 2]) = 2.5; numpy.median([0.1, 0.2]) = 0.15000000000000002
    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        double[] odd = {3, 1, 2};
        assertEquals(2.0, Quantiles.median(odd));
        assertEquals(3, odd[0], "the input is not sorted in place");
        assertEquals(2.5, Quantiles.median(new double[] {4, 1, 3, 2}));
        assertEquals(0.15000000000000002, Quantiles.median(new double[] {0.1, 0.2}));
        assertTrue(Double.isNaN(Quantiles.median(new double[0])));
    }

    // numpy.nanmedian([nan, 5, 1, nan, 3]) = 3.0
    @Test
    void nanValuesCanBeLeftOut() {
        assertEquals(3.0, Quantiles.medianIgnoringNaN(new double[] {Double.NaN, 5, 1, Double.NaN, 3}));
        assertTrue(Double.isNaN(Quantiles.medianIgnoringNaN(new double[] {Double.NaN})));
    }
}
