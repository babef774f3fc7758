package org.tessera.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.subtype.ExpressionCsv;
import org.tessera.subtype.ExpressionMatrix;
import org.tessera.subtype.SubtypeLabels;
import org.tessera.testkit.Shared;

class SubtypeClassificationTest {
    private static ExpressionMatrix rows(ExpressionMatrix m, int from, int to) {
        return new ExpressionMatrix(m.samples().subList(from, to), m.genes(), Arrays.copyOfRange(m.values(), from, to));
    }

    @Test
    void trainedOnOnePartOfTcgaItCallsTheOtherPart() throws Exception {
        ExpressionMatrix all = ExpressionCsv.read(Shared.path("tcga-brca/pam50_expression.csv")).log2OnePlus();
        Map<String, String> labels = SubtypeLabels.read(Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv"), "Patient ID", "Subtype");
        EnsembleOptions base = EnsembleOptions.defaults(1);
        EnsembleOptions small = new EnsembleOptions(1, 20, base.hidden(), base.epochs(), base.learningRate(), base.lambda());
        SubtypeClassification c = SubtypeClassification.run(rows(all, 0, 300), "train", labels, rows(all, 300, 400), "test", small);
        assertEquals(List.of("Basal", "Her2", "LumA", "LumB", "Normal"), c.classes());
        assertEquals(100, c.samples().size());
        int labelled = 0;
        int right = 0;
        for (int i = 0; i < c.samples().size(); i++) {
            assertEquals(1.0, Arrays.stream(c.probabilities().get(i)).sum(), 1e-6); // members in float precision
            String truth = labels.get(c.samples().get(i));
            if (truth != null) {
                labelled++;
                right += truth.equals(c.call(i)) ? 1 : 0;
            }
        }
        // PAM50 genes carry the subtype: far above the 5-class chance level (the full ensemble reaches about 0.85).
        assertTrue(right > 0.6 * labelled, right + " of " + labelled);
    }

    @Test
    void aTestTableWithoutATrainingGeneIsRefusedByName() throws Exception {
        ExpressionMatrix train = new ExpressionMatrix(List.of("a", "b"), List.of("ESR1", "ERBB2"), new double[][] {{1, 2}, {3, 4}});
        ExpressionMatrix test = new ExpressionMatrix(List.of("c"), List.of("ESR1"), new double[][] {{1}});
        var e = assertThrows(IllegalArgumentException.class, () -> SubtypeClassification.run(train, "train.csv",
                Map.of("a", "LumA", "b", "Basal"), test, "test.csv", EnsembleOptions.defaults(1)));
        assertTrue(e.getMessage().contains("test.csv") && e.getMessage().contains("ERBB2"), e.getMessage());
    }
}
