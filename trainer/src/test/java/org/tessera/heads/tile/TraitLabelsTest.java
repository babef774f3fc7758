package org.tessera.heads.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The percentile rules on hand-checkable cohorts. Thresholds as numpy prints them:
 * {@code np.percentile(np.arange(1, 11), [20, 30, 70, 80])} = [2.8, 3.7, 7.3, 8.2] and
 * {@code np.percentile(np.arange(0, 101, 10), [20, 30, 70, 80])} = [20, 30, 70, 80].
 */
class TraitLabelsTest {
    private static final TileClassifierOptions DEFAULTS = TileClassifierOptions.defaults(1);

    @Test
    void oneToTenFallsIntoTheFiveBands() {
        TraitLabels l = TraitLabels.assign(cohort(1, 1, 10), DEFAULTS);
        assertEquals(2.8, l.lowThreshold(), 1e-12);
        assertEquals(3.7, l.nearLowThreshold(), 1e-12);
        assertEquals(7.3, l.nearHighThreshold(), 1e-12);
        assertEquals(8.2, l.highThreshold(), 1e-12);
        String expected = "LOW LOW NEAR_LOW MIDDLE MIDDLE MIDDLE MIDDLE NEAR_HIGH HIGH HIGH";
        assertEquals(expected, bands(l, 10));
    }

    @Test
    void valuesOnAThresholdGoToTheOuterBand() {
        // 0, 10, ..., 100: the 20th percentile is exactly the slide at 20, the 80th the slide at 80
        TraitLabels l = TraitLabels.assign(cohort(0, 10, 11), DEFAULTS);
        assertEquals(20, l.lowThreshold(), 1e-12);
        assertEquals(80, l.highThreshold(), 1e-12);
        assertEquals("LOW LOW LOW NEAR_LOW MIDDLE MIDDLE MIDDLE NEAR_HIGH HIGH HIGH HIGH", bands(l, 11));
    }

    @Test
    void mostlyTiedTraitsAreRejected() {
        Map<String, Double> t = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            t.put("s" + i, i == 9 ? 1.0 : 0.0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraitLabels.assign(t, DEFAULTS));
        assertTrue(e.getMessage().contains("coincide at 0.0"), e.getMessage());
    }

    @Test
    void aMissingTraitIsNamed() {
        Map<String, Double> t = cohort(1, 1, 4);
        t.put("s9", Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraitLabels.assign(t, DEFAULTS));
        assertTrue(e.getMessage().contains("slide s9 has trait value NaN"), e.getMessage());
    }

    @Test
    void bandOptionsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TileClassifierOptions(40, 60, 15, 0.1, 5, 0.2, 3, 0.5, 100, 1, LogisticOptions.defaults()));
        assertTrue(e.getMessage().contains("low 40.0, high 60.0, near width 15.0"), e.getMessage());
    }

    private static Map<String, Double> cohort(double first, double step, int n) {
        Map<String, Double> t = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            t.put("s" + i, first + step * i);
        }
        return t;
    }

    private static String bands(TraitLabels l, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(l.band("s" + i));
        }
        return b.toString();
    }
}
