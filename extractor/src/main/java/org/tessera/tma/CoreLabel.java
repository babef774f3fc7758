package org.tessera.tma;

/**
 * The usual TMA position label: a row letter from the top (A, B, ... Z, AA, AB, ...) and a column number from
 * the left starting at 1, e.g. row 2, column 6 (0-based) is "C7".
 */
public final class CoreLabel {
    private CoreLabel() {
    }

    public static String of(int row, int col) {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("grid position must be non-negative: row " + row + ", column " + col);
        }
        return letters(row) + (col + 1);
    }

    private static String letters(int row) {
        StringBuilder s = new StringBuilder();
        for (int n = row + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** The label in canonical form (upper case, no leading zeros: "c07" is "C7"), or the input when it is not one. */
    public static String normalise(String label) {
        String s = label.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z]+)0*([0-9]+)").matcher(s);
        return m.matches() ? m.group(1) + Integer.parseInt(m.group(2)) : label.strip();
    }
}
