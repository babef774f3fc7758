package org.tessera.targets;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL-friendly column names from a file's headers: lower-case ASCII letters, digits and single
 * underscores ("Overall Survival (Months)" gives overall_survival_months, "TMB (nonsynonymous)" gives
 * tmb_nonsynonymous). A name starting with a digit gets a "c_" prefix, an empty one becomes
 * column_N (1-based), and a name already taken gets _2, _3... in file order.
 */
final class ColumnNames {
    private ColumnNames() {
    }

    static String snake(String header) {
        String ascii = Normalizer.normalize(header, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "c_" + s : s;
    }

    /** Names for all headers, distinct, in order. */
    static List<String> of(List<String> headers) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String base = snake(headers.get(i));
            if (base.isEmpty()) {
                base = "column_" + (i + 1);
            }
            String name = base;
            for (int k = 2; !taken.add(name); k++) {
                name = base + "_" + k;
            }
            names.add(name);
        }
        return names;
    }
}
