package org.tessera.tma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid fit on core centres alone: rotation, jitter, a core beyond the given grid. */
class GridFitterTest {
    private static final double PITCH = 400;

    /** A 6 x 8 grid rotated by {@code degrees} about (2000, 1500), jittered up to 0.08 pitch, label to centre. */
    private static List<Core> grid(double degrees, List<String> labels) {
        Random random = new Random(5);
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        List<Core> cores = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 8; c++) {
                double gx = (c - 3.5) * PITCH;
                double gy = (r - 2.5) * PITCH;
                cores.add(new Core(2000 + cos * gx - sin * gy + (2 * random.nextDouble() - 1) * 0.08 * PITCH,
                        1500 + sin * gx + cos * gy + (2 * random.nextDouble() - 1) * 0.08 * PITCH, 20000));
                labels.add(CoreLabel.of(r, c));
            }
        }
        return cores;
    }

    @Test
    void labelsFollowTheLayoutUnderRotationAndJitter() {
        for (double degrees : new double[] {-7, 0, 3, 12}) {
            List<String> labels = new ArrayList<>();
            List<Core> cores = grid(degrees, labels);
            GridFitter.Result r = GridFitter.fit(cores, OptionalInt.empty(), OptionalInt.empty());
            assertEquals(48, r.placed().size(), degrees + " degrees");
            for (GridFitter.Placed p : r.placed()) {
                assertEquals(labels.get(cores.indexOf(p.core())), p.label(), degrees + " degrees");
            }
            assertEquals(degrees, r.grid().rotationDegrees(), 0.5);
        }
    }

    @Test
    void aCoreBeyondTheGivenGridIsExtraAndTheGridKeepsItsPlace() {
        List<String> labels = new ArrayList<>();
        List<Core> cores = grid(3, labels);
        // One more core a pitch left of A1, on the grid's line: a ninth column the array does not have.
        Core a1 = cores.get(0);
        Core beyond = new Core(a1.x() - PITCH * Math.cos(Math.toRadians(3)), a1.y() - PITCH * Math.sin(Math.toRadians(3)), 20000);
        cores.add(beyond);
        GridFitter.Result r = GridFitter.fit(cores, OptionalInt.of(6), OptionalInt.of(8));
        assertEquals(48, r.placed().size());
        assertEquals(List.of(beyond), r.extra());
        assertTrue(r.missing().isEmpty());
        assertEquals("A1", r.placed().get(0).label());
        assertEquals(a1, r.placed().get(0).core());
        assertTrue(r.notes().get(0).contains("more than the 6 x 8 given"), r.notes().toString());
    }
}
