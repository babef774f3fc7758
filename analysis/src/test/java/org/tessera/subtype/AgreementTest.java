package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy, confusion and Cohen's kappa against scikit-learn (/usr/bin/python3):
 *
 * <pre>
 * a = ['a','b','a','c','b','a','c','c','a','b']; b = ['a','b','b','c','a','a','c','b','a','c']
 * sklearn.metrics.cohen_kappa_score(a, b)   # 0.3939393939393939
 * </pre>
 *
 * The TCGA PAM50 agreement is tested in {@link Pam50TcgaTest}.
 */
class AgreementTest {
    private static final List<String> A = List.of("a", "b", "a", "c", "b", "a", "c", "c", "a", "b");
    private static final List<String> B = List.of("a", "b", "b", "c", "a", "a", "c", "b", "a", "c");

    @Test
    void kappaEqualsSklearn() {
        assertEquals(0.3939393939393939, Agreement.of(A, B).kappa(), 1e-12);
    }

    @Test
    void confusionCountsRowsFirstColumnsSecond() {
        AgreementResult r = Agreement.of(A, B);
        assertEquals(List.of("a", "b", "c"), r.labels());
        assertArrayEquals(new long[][] {{3, 1, 0}, {1, 1, 1}, {0, 1, 2}}, r.confusion());
        assertEquals(0.6, r.accuracy(), 1e-15);
        assertEquals(10, r.n());
    }

    @Test
    void identicalLabellingsHaveKappaOne() {
        assertEquals(1.0, Agreement.of(A, A).kappa(), 1e-15);
    }

    @Test
    void singleCommonLabelIsAnErrorNotNaN() {
        var e = assertThrows(IllegalArgumentException.class, () -> Agreement.of(List.of("x", "x"), List.of("x", "x")));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }

    @Test
    void differentLengthsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Agreement.of(A, B.subList(0, 9)));
        assertTrue(e.getMessage().contains("10 vs 9"), e.getMessage());
    }
}
