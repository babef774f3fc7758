package org.tessera.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrientationTest {
    private static OrientationGuess detect(List<String> header, List<String> firstColumn) throws ImportException {
        return OrientationGuess.detect(Path.of("x.tsv"), header, firstColumn, s -> false);
    }

    @Test
    void theCliSpellingsParse() {
        assertEquals(Orientation.GENES_BY_SAMPLES, Orientation.parse("genes-x-samples"));
        assertEquals(Orientation.SAMPLES_BY_GENES, Orientation.parse("samples_by_genes"));
        assertEquals(Orientation.SAMPLES_BY_GENES, Orientation.parse("samples x genes"));
        assertThrows(IllegalArgumentException.class, () -> Orientation.parse("rows"));
    }

    @Test
    void ensemblIdsMarkTheGenes() throws ImportException {
        assertEquals(Orientation.GENES_BY_SAMPLES, detect(List.of("id", "s1", "s2"), List.of("ENSG00000141510.16", "ENSG00000012048")).orientation());
        assertEquals(Orientation.SAMPLES_BY_GENES, detect(List.of("id", "ENSG00000141510", "ENSG00000012048"), List.of("s1", "s2")).orientation());
    }

    @Test
    void theFirstHeaderCellDecidesWhenTheIdsDoNot() throws ImportException {
        assertEquals(Orientation.GENES_BY_SAMPLES, detect(List.of("Hugo_Symbol", "s1", "s2"), List.of("TP53", "BRCA1")).orientation());
        assertEquals(Orientation.SAMPLES_BY_GENES, detect(List.of("sample", "TP53", "BRCA1"), List.of("s1", "s2")).orientation());
    }

    @Test
    void barcodesOnBothSidesAreAmbiguous() {
        ImportException e = assertThrows(ImportException.class,
                () -> detect(List.of("x", "TCGA-A1-A0SB-01"), List.of("TCGA-A1-A0SD-01")));
        assertEquals(true, e.getMessage().contains("--orientation"));
    }
}
