package org.tessera.subtype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A weighted gene panel read from a genefu weight table (oncotypedx_weights_genefu.csv,
 * endopredict_weights_genefu.csv, or the plain oncotypedx21.csv / endopredict11.csv): columns {@code symbol},
 * {@code group} and {@code weight}, others ignored. Rows whose weight is empty or NA are reference
 * (normalisation) genes and carry no weight.
 *
 * @param name      a label for messages (the file name)
 * @param symbols   weighted genes, in file order
 * @param weights   their weights
 * @param groups    their groups (e.g. proliferation, her2; GOI for EndoPredict)
 * @param reference the unweighted reference genes
 */
public record Panel(String name, List<String> symbols, double[] weights, List<String> groups,
                    List<String> reference) {
    public Panel {
        Objects.requireNonNull(name, "name");
        symbols = List.copyOf(symbols);
        groups = List.copyOf(groups);
        reference = List.copyOf(reference);
        weights = weights.clone();
        if (symbols.isEmpty() || weights.length != symbols.size() || groups.size() != symbols.size()) {
            throw new IllegalArgumentException(name + ": " + symbols.size() + " genes, " + weights.length
                    + " weights, " + groups.size() + " groups");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException(name + ": weight of " + symbols.get(i) + " is " + weights[i]);
            }
        }
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public static Panel read(Path csv) {
        List<String[]> rows = Tables.read(csv, ",");
        List<String> header = Arrays.asList(rows.getFirst());
        int sym = column(header, "symbol", csv);
        int grp = column(header, "group", csv);
        int wt = column(header, "weight", csv);
        List<String> symbols = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> reference = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] c = rows.get(r);
            if (c[wt].isEmpty() || c[wt].equals("NA")) {
                reference.add(c[sym]);
            } else {
                symbols.add(c[sym]);
                groups.add(c[grp]);
                weights.add(Tables.parse(c[wt], csv, r + 1));
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return new Panel(csv.getFileName().toString(), symbols, w, groups, reference);
    }

    private static int column(List<String> header, String name, Path csv) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(csv + ": no column '" + name + "' in " + header);
        }
        return i;
    }
}
