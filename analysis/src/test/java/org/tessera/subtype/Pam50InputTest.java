package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How Pam50 treats gene names and incomplete input. */
class Pam50InputTest {
    @Test
    void tooFewGenesIsAnErrorNamingTheMissingOnes() {
        ExpressionMatrix m = firstGenes(Tcga.log2Expression(), 30);
        var e = assertThrows(IllegalArgumentException.class, () -> Tcga.model().classify(m, Pam50Options.asGiven()));
        assertTrue(e.getMessage().contains("only 30 of 50"), e.getMessage());
        for (String dropped : Tcga.log2Expression().genes().subList(30, 50)) {
            String old = Tcga.genes().stream().filter(g -> g.currentSymbol().equals(dropped)).findFirst()
                    .orElseThrow().oldSymbol();
            assertTrue(e.getMessage().contains(old), old + " not named in: " + e.getMessage());
        }
    }

    @Test
    void missingGenesAreReportedWhenEnoughArePresent() {
        ExpressionMatrix m = firstGenes(Tcga.log2Expression(), 45);
        Pam50Classification c = Tcga.model().classify(m, Pam50Options.asGiven());
        assertEquals(45, c.genesUsed().size());
        assertEquals(5, c.missingGenes().size());
        assertTrue(c.missingGenes().contains("KNTC2"), c.missingGenes().toString()); // NDC80 is the 50th column
    }

    @Test
    void oldGenefuSymbolsGiveTheSameCalls() {
        ExpressionMatrix m = Tcga.log2Expression();
        List<String> renamed = m.genes().stream().map(g -> switch (g) {
            case "NUF2" -> "CDCA1";
            case "NDC80" -> "KNTC2";
            case "ORC6" -> "ORC6L";
            default -> g;
        }).toList();
        ExpressionMatrix old = new ExpressionMatrix(m.samples(), renamed, m.values());
        Pam50 model = Tcga.model();
        assertEquals(model.classify(m, Pam50Options.asGiven()).subtypes(),
                model.classify(old, Pam50Options.asGiven()).subtypes());
    }

    @Test
    void medianCentringASingleSampleIsAnErrorNamingIt() {
        ExpressionMatrix m = Tcga.log2Expression();
        var one = new ExpressionMatrix(m.samples().subList(0, 1), m.genes(), new double[][] {m.values()[0]});
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tcga.model().classify(one, Pam50Options.medianCentred()));
        assertTrue(e.getMessage().contains(m.samples().getFirst()), e.getMessage());
    }

    @Test
    void minGenesOutsideRangeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Pam50Options(false, 51));
        assertTrue(e.getMessage().contains("51"), e.getMessage());
    }

    private static ExpressionMatrix firstGenes(ExpressionMatrix m, int k) {
        double[][] v = m.values();
        List<double[]> rows = new ArrayList<>();
        for (double[] row : v) {
            rows.add(java.util.Arrays.copyOf(row, k));
        }
        return new ExpressionMatrix(m.samples(), m.genes().subList(0, k), rows.toArray(double[][]::new));
    }
}
