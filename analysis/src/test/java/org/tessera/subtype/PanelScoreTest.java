package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/** Weighted panel sums from genefu's weight tables. */
class PanelScoreTest {
    @Test
    void oncotypeTableHas16WeightedAnd5ReferenceGenes() {
        Panel p = Panel.read(Shared.path("signatures/oncotypedx_weights_genefu.csv"));
        assertEquals(16, p.symbols().size());
        assertEquals(List.of("ACTB", "GAPDH", "RPLP0", "GUSB", "TFRC"), p.reference());
        assertEquals(0.423, p.weights()[p.symbols().indexOf("GRB7")], 0);
    }

    @Test
    void weightedSumOfIndicatorRowsIsEachWeight() {
        Panel p = Panel.read(Shared.path("signatures/endopredict_weights_genefu.csv"));
        assertEquals(List.of("CALM2", "OAZ1", "RPL37A"), p.reference());
        int k = p.symbols().size();
        double[][] identity = new double[k][k];
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            identity[i][i] = 1;
            samples.add("s" + i);
        }
        double[] s = PanelScore.weightedSum(new ExpressionMatrix(samples, p.symbols(), identity), p);
        for (int i = 0; i < k; i++) {
            assertEquals(p.weights()[i], s[i], 0);
        }
    }

    @Test
    void weightedSumByHand() {
        Panel p = Panel.read(Shared.path("signatures/endopredict11.csv"));
        // genes BIRC5 RBBP8 UBE2C IL6ST AZGP1 DHCR7 MGP STC2, weights .41 -.35 .39 -.31 -.26 .39 -.18 -.15
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double expected = 0.41 - 0.35 * 2 + 0.39 * 3 - 0.31 * 4 - 0.26 * 5 + 0.39 * 6 - 0.18 * 7 - 0.15 * 8;
        var m = new ExpressionMatrix(List.of("s"), p.symbols(), new double[][] {x});
        assertEquals(expected, PanelScore.weightedSum(m, p)[0], 1e-12);
    }

    @Test
    void missingWeightedGenesAreNamed() {
        Panel p = Panel.read(Shared.path("signatures/oncotypedx21.csv"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> PanelScore.weightedSum(Tcga.log2Expression(), p));
        for (String g : List.of("AURKA", "CTSL2", "SCUBE2", "GSTM1", "CD68")) {
            assertTrue(e.getMessage().contains(g), g + " not named in " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("GRB7"), e.getMessage());
    }
}
