package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;

class RidgeModelTest {
    private static final FeatureMatrix X = FeatureMatrix.of(List.of("a", "b", "c", "d", "e"),
            new double[][] {{1, 7, 0}, {2, 7, 1}, {3, 7, 0}, {4, 7, 1}, {5, 7, 3}});
    private static final Targets Y = new Targets(List.of("g"), new double[][] {{2}, {4}, {6}, {8}, {10}});

    @Test
    void constantFeatureGetsNoWeightInsteadOfNaN() {
        RidgeModel m = RidgeHead.fit(X, Y, RidgeOptions.shared(1e-9));
        assertEquals(1.0, m.featureScales()[1], "constant column keeps scale 1");
        assertEquals(0.0, m.coefficients(0)[1], 0.0);
        assertArrayEquals(new double[] {2}, m.predict(X.select(new int[] {0}))[0], 1e-6, "almost unpenalised: exact fit");
    }

    @Test
    void predictRejectsAMatrixOfAnotherWidthNamingBothWidths() {
        RidgeModel m = RidgeHead.fit(X, Y, RidgeOptions.shared(1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> m.predict(FeatureMatrix.of(List.of("z"), new double[][] {{1, 2}})));
        assertTrue(e.getMessage().contains("2 features") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void fitRejectsMismatchedRowCounts() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RidgeHead.fit(X.select(new int[] {0, 1, 2}), Y, RidgeOptions.shared(1)));
        assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void modelSurvivesJavaSerialisationAndPredictsTheSame() throws Exception {
        RidgeModel m = RidgeHead.fit(X, Y, RidgeOptions.perOutput(0.1, 1, 10));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        RidgeModel back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RidgeModel) in.readObject();
        }
        assertArrayEquals(m.predict(X)[3], back.predict(X)[3], 0.0);
        assertEquals(m.leaveOneOut(), back.leaveOneOut());
    }
}
