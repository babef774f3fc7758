package org.tessera.subtype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tessera.stats.Correlation;

/**
 * The PAM50 single-sample predictor (Parker et al. 2009, as in genefu): each sample is correlated (Spearman,
 * across genes) with the five subtype centroids and takes the subtype of the highest correlation. Immutable;
 * built by {@link #load}.
 *
 * <p>Conventions. Correlations use only the genes present in the matrix, each centroid restricted to the same
 * genes; Spearman's rho is {@link Correlation#spearman} (average ranks for ties, as scipy). Ties between
 * correlations go to the earlier subtype in {@link Subtype} order. The values are used on the caller's scale
 * except for the optional gene-wise median centring ({@link Pam50Options#medianCentre()}).
 */
public final class Pam50 {
    private final List<Pam50Gene> genes;
    /** centroids[subtype.ordinal()][gene], genes in the order of {@link #genes}. */
    private final double[][] centroids;

    private Pam50(List<Pam50Gene> genes, double[][] centroids) {
        this.genes = genes;
        this.centroids = centroids;
    }

    /**
     * Reads genefu's centroid table (first column the gene's genefu symbol, then one column per subtype named
     * Basal, Her2, LumA, LumB, Normal in any order) and the gene table that maps those symbols to current ones.
     *
     * @throws IllegalArgumentException if a subtype column is missing or a centroid gene is not in the table
     */
    public static Pam50 load(Path centroidsCsv, Path genesTsv) {
        List<Pam50Gene> table = Pam50Genes.read(genesTsv);
        Map<String, Pam50Gene> byOld = new HashMap<>();
        table.forEach(g -> byOld.put(g.oldSymbol(), g));
        List<String[]> rows = Tables.read(centroidsCsv, ",");
        String[] header = rows.getFirst();
        int[] columnOf = new int[Subtype.values().length];
        Arrays.fill(columnOf, -1);
        for (int c = 1; c < header.length; c++) {
            columnOf[Subtype.ofLabel(header[c]).ordinal()] = c;
        }
        for (Subtype s : Subtype.values()) {
            if (columnOf[s.ordinal()] < 0) {
                throw new IllegalArgumentException(centroidsCsv + ": no column " + s.label());
            }
        }
        List<Pam50Gene> genes = new ArrayList<>();
        double[][] centroids = new double[columnOf.length][rows.size() - 1];
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            Pam50Gene gene = byOld.get(cells[0]);
            if (gene == null) {
                throw new IllegalArgumentException(centroidsCsv + " line " + (r + 1) + ": gene " + cells[0]
                        + " is not in " + genesTsv);
            }
            genes.add(gene);
            for (Subtype s : Subtype.values()) {
                centroids[s.ordinal()][r - 1] = Tables.parse(cells[columnOf[s.ordinal()]], centroidsCsv, r + 1);
            }
        }
        return new Pam50(List.copyOf(genes), centroids);
    }

    /** The genes in centroid order. */
    public List<Pam50Gene> genes() {
        return genes;
    }

    /** The centroid of one subtype, in the order of {@link #genes()}. */
    public double[] centroid(Subtype s) {
        return centroids[s.ordinal()].clone();
    }

    /**
     * Calls every sample of {@code matrix}. Genes are found under their current symbol, else their genefu
     * symbol; other columns are ignored.
     *
     * @throws IllegalArgumentException naming the missing genes if fewer than {@code options.minGenes()} are
     *                                  present, or naming a sample whose values over those genes are constant
     */
    public Pam50Classification classify(ExpressionMatrix matrix, Pam50Options options) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(options, "options");
        List<Integer> used = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int g = 0; g < genes.size(); g++) {
            int col = genes.get(g).columnIn(matrix.genes());
            if (col < 0) {
                missing.add(genes.get(g).oldSymbol());
            } else {
                used.add(g);
                columns.add(col);
            }
        }
        if (used.size() < options.minGenes()) {
            throw new IllegalArgumentException("only " + used.size() + " of " + genes.size()
                    + " PAM50 genes present (need " + options.minGenes() + "); missing: " + missing);
        }
        double[][] x = selected(matrix, columns);
        if (options.medianCentre()) {
            centreOnMedians(x);
        }
        double[][] cents = new double[centroids.length][used.size()];
        for (int s = 0; s < centroids.length; s++) {
            for (int j = 0; j < used.size(); j++) {
                cents[s][j] = centroids[s][used.get(j)];
            }
        }
        List<Pam50Call> calls = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            calls.add(call(matrix.samples().get(i), x[i], cents));
        }
        List<String> usedNames = used.stream().map(g -> genes.get(g).oldSymbol()).toList();
        return new Pam50Classification(calls, usedNames, missing, options);
    }

    private static Pam50Call call(String sample, double[] x, double[][] cents) {
        if (Arrays.stream(x).allMatch(v -> v == x[0])) {
            throw new IllegalArgumentException("sample " + sample + " has the same value " + x[0]
                    + " for every PAM50 gene: no correlation");
        }
        double[] r = new double[cents.length];
        int best = 0;
        for (int s = 0; s < cents.length; s++) {
            r[s] = Correlation.spearman(x, cents[s]).estimate();
            if (r[s] > r[best]) { // strict: ties keep the earlier subtype
                best = s;
            }
        }
        return new Pam50Call(sample, Subtype.values()[best], r, Pam50Call.rorS(r));
    }

    private static double[][] selected(ExpressionMatrix m, List<Integer> columns) {
        double[][] x = new double[m.samples().size()][columns.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                x[i][j] = m.value(i, columns.get(j));
            }
        }
        return x;
    }

    /** Subtracts each column's median (numpy.median convention) in place. */
    private static void centreOnMedians(double[][] x) {
        int n = x.length;
        for (int j = 0; j < x[0].length; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            double median = org.tessera.stats.Quantiles.median(col);
            for (int i = 0; i < n; i++) {
                x[i][j] -= median;
            }
        }
    }
}
