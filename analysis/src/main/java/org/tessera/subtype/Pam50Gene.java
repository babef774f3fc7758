package org.tessera.subtype;

import java.util.Objects;

/**
 * One PAM50 gene: the symbol genefu's centroids use, its current HGNC symbol (they differ for CDCA1/NUF2,
 * KNTC2/NDC80 and ORC6L/ORC6), and whether it is one of the 11 genes of the PAM50 proliferation score.
 */
public record Pam50Gene(String oldSymbol, String currentSymbol, boolean proliferation) {
    public Pam50Gene {
        Objects.requireNonNull(oldSymbol, "oldSymbol");
        Objects.requireNonNull(currentSymbol, "currentSymbol");
        if (oldSymbol.isBlank() || currentSymbol.isBlank()) {
            throw new IllegalArgumentException("blank symbol: '" + oldSymbol + "' / '" + currentSymbol + "'");
        }
    }

    /**
     * The column of this gene in {@code genes}: the current symbol if present, else the old one, else -1.
     * The current symbol wins when both are present.
     */
    int columnIn(java.util.List<String> genes) {
        int i = genes.indexOf(currentSymbol);
        return i >= 0 ? i : genes.indexOf(oldSymbol);
    }
}
