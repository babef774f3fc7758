package org.tessera.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a CSV or TSV file split into cells, the way spreadsheets write them: a cell that starts with a
 * double quote runs to the closing quote (delimiters inside it are text, {@code ""} is a quote). Cells are
 * returned as written (not stripped); a line without quotes splits exactly like {@code String.split(sep, -1)}.
 */
public final class DelimitedLine {
    private DelimitedLine() {
    }

    public static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
