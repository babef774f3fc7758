package org.tessera.subtype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads signatures/pam50_genes.tsv: genefu_symbol, current_HGNC_symbol, in_11gene_proliferation (Y/N). */
public final class Pam50Genes {
    private Pam50Genes() {
    }

    public static List<Pam50Gene> read(Path tsv) {
        List<String[]> rows = Tables.read(tsv, "\t");
        if (rows.getFirst().length != 3) {
            throw new IllegalArgumentException(tsv + ": expected 3 columns, header is "
                    + String.join(" | ", rows.getFirst()));
        }
        List<Pam50Gene> genes = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] c = rows.get(r);
            boolean flag = switch (c[2]) {
                case "Y" -> true;
                case "N" -> false;
                default -> throw new IllegalArgumentException(tsv + " line " + (r + 1)
                        + ": proliferation flag must be Y or N: '" + c[2] + "'");
            };
            genes.add(new Pam50Gene(c[0], c[1], flag));
        }
        return List.copyOf(genes);
    }
}
