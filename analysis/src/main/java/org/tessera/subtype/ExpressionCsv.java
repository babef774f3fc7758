package org.tessera.subtype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a samples x genes CSV such as tcga-brca/pam50_expression.csv: a header of a sample-id column then
 * gene symbols, one row per sample, every cell a number. Rows keep file order.
 */
public final class ExpressionCsv {
    private ExpressionCsv() {
    }

    /** The matrix as stored (no transform). */
    public static ExpressionMatrix read(Path csv) {
        List<String[]> rows = Tables.read(csv, ",");
        String[] header = rows.getFirst();
        if (header.length < 2) {
            throw new IllegalArgumentException(csv + ": header has no gene columns");
        }
        List<String> genes = Arrays.asList(header).subList(1, header.length);
        List<String> samples = new ArrayList<>();
        double[][] values = new double[rows.size() - 1][genes.size()];
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            samples.add(cells[0]);
            for (int g = 0; g < genes.size(); g++) {
                values[r - 1][g] = Tables.parse(cells[g + 1], csv, r + 1);
            }
        }
        return new ExpressionMatrix(samples, genes, values);
    }
}
