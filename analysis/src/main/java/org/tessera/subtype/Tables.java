package org.tessera.subtype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessera.text.TableException;
import org.tessera.text.TextTable;

/**
 * Reading of the small delimited tables in shared/signatures and shared/tcga-brca, through {@link TextTable}
 * (quoted cells, as genefu's write.csv writes every string, comments, byte-order mark).
 */
final class Tables {
    private Tables() {
    }

    /** The header then the data rows, as cells; each row has as many cells as the header. */
    static List<String[]> read(Path file, String delimiter) {
        TextTable t;
        try {
            t = TextTable.read(file, delimiter.charAt(0));
        } catch (TableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(t.header().toArray(String[]::new));
        t.rows().forEach(r -> rows.add(r.cells().toArray(String[]::new)));
        return rows;
    }

    static double parse(String cell, Path file, int line) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": '" + cell + "' is not a number", e);
        }
    }
}
