package org.tessera.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tessera.testkit.Shared;

/**
 * The TCGA-BRCA PAM50 table (tcga-brca/pam50_expression.csv: a PATIENT_ID column, then one column of
 * expression per PAM50 gene, one row per patient, no missing values), read by hand so that the tests need no
 * CSV library. Rows keep file order, so "the first n patients" means the same rows as in the Python that
 * produced the expected values.
 */
final class Pam50 {
    private final List<String> genes;
    private final double[][] byGene;

    private Pam50(List<String> genes, double[][] byGene) {
        this.genes = genes;
        this.byGene = byGene;
    }

    static Pam50 load() {
        Path csv = Shared.path("tcga-brca/pam50_expression.csv");
        try {
            List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
            String[] header = lines.getFirst().split(",");
            List<String> genes = Arrays.asList(header).subList(1, header.length);
            double[][] byGene = new double[genes.size()][lines.size() - 1];
            for (int row = 1; row < lines.size(); row++) {
                String[] cells = lines.get(row).split(",");
                if (cells.length != header.length) {
                    throw new IllegalStateException(csv + " line " + (row + 1) + ": " + cells.length + " cells");
                }
                for (int g = 0; g < genes.size(); g++) {
                    byGene[g][row - 1] = Double.parseDouble(cells[g + 1]);
                }
            }
            return new Pam50(List.copyOf(genes), byGene);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> genes() {
        return genes;
    }

    int patients() {
        return byGene[0].length;
    }

    /** Raw expression of a gene over the first n patients (all patients if n exceeds their number). */
    double[] raw(String gene, int n) {
        int g = genes.indexOf(gene);
        if (g < 0) {
            throw new IllegalArgumentException("no gene " + gene + " in " + genes);
        }
        return Arrays.copyOf(byGene[g], Math.min(n, patients()));
    }

    double[] raw(String gene) {
        return raw(gene, Integer.MAX_VALUE);
    }

    /** log2(1 + x) of a gene over the first n patients, as numpy's np.log2(1 + x). */
    double[] log2(String gene, int n) {
        double[] v = raw(gene, n);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.log(1 + v[i]) / Math.log(2);
        }
        return v;
    }

    double[] log2(String gene) {
        return log2(gene, Integer.MAX_VALUE);
    }
}
