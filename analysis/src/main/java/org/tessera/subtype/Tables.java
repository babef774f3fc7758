package org.tessera.subtype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading of the small delimited tables in shared/signatures and shared/tcga-brca. They hold no quoted
 * delimiters, so a cell is the text between delimiters with one pair of surrounding double quotes removed
 * (genefu's write.csv quotes every string).
 */
final class Tables {
    private Tables() {
    }

    /** Non-blank lines split into cells; each row must have as many cells as the first (the header). */
    static List<String[]> read(Path file, String delimiter) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String[]> rows = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(delimiter, -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = unquote(cells[c].strip());
            }
            if (width < 0) {
                width = cells.length;
            } else if (cells.length != width) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.length
                        + " cells, the header has " + width);
            }
            rows.add(cells);
        }
        return rows;
    }

    static double parse(String cell, Path file, int line) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": '" + cell + "' is not a number", e);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
