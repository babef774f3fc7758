package org.tessera.subtype;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessera.survival.SurvivalTable;

/**
 * Published subtype labels from a user's CSV/TSV (read as every user table): sample id to the PAM50 label
 * (Basal, Her2, LumA, LumB, Normal), a TCGA-style prefix ({@code BRCA_LumA}) dropped; missing cells are
 * unlabelled samples, left out; any other label is an error naming the file, the column and the sample.
 */
public final class SubtypeLabels {
    private SubtypeLabels() {
    }

    public static Map<String, String> read(Path file, String idColumn, String labelColumn) throws IOException {
        SurvivalTable table = SurvivalTable.readFile(file);
        table.require(List.of(idColumn, labelColumn));
        List<String> ids = table.labels(idColumn);
        List<String> values = table.labels(labelColumn);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String v = values.get(i);
            if (ids.get(i) == null || v == null) {
                continue;
            }
            String label = v.strip();
            int underscore = label.lastIndexOf('_');
            if (underscore >= 0) {
                label = label.substring(underscore + 1); // BRCA_LumA -> LumA
            }
            try {
                out.put(ids.get(i), Subtype.ofLabel(label).label());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": column '" + labelColumn + "', sample " + ids.get(i) + ": "
                        + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labelled rows in column '" + labelColumn + "'");
        }
        return out;
    }
}
