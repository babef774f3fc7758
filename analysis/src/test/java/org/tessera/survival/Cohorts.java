package org.tessera.survival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessera.testkit.Shared;

/**
 * The two shared cohorts as columns. R's {@code read.csv} reads them the same way: quoted strings, "NA" as
 * missing (NaN here for numbers, null for labels); neither file has commas inside fields.
 */
final class Cohorts {
    private final Map<String, List<String>> columns;

    private Cohorts(Map<String, List<String>> columns) {
        this.columns = columns;
    }

    /** GBSG2: horTh, age, menostat, tsize, tgrade, pnodes, progrec, estrec, time (days), cens (1 = event). */
    static Cohorts gbsg2() {
        return read("cohorts/gbsg2.csv");
    }

    /** VDX clinical table (t.dmfs, e.dmfs, er, grade, size, age, ...), with NA entries. */
    static Cohorts vdx() {
        return read("cohorts/vdx/clinical.csv");
    }

    private static Cohorts read(String relative) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Shared.path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = split(lines.getFirst());
        Map<String, List<String>> columns = new HashMap<>();
        for (String h : header) {
            columns.put(h, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = split(line);
            for (int j = 0; j < header.length; j++) {
                columns.get(header[j]).add(cells[j].equals("NA") ? null : cells[j]);
            }
        }
        return new Cohorts(columns);
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int j = 0; j < cells.length; j++) {
            cells[j] = cells[j].replace("\"", "");
        }
        return cells;
    }

    int size() {
        return columns.values().iterator().next().size();
    }

    List<String> labels(String column) {
        return new ArrayList<>(column(column)); // may hold nulls, so no List.copyOf
    }

    double[] numbers(String column) {
        return column(column).stream().mapToDouble(v -> v == null ? Double.NaN : Double.parseDouble(v)).toArray();
    }

    /** Survival data from a time and a 0/1 status column; rows with either missing are rejected. */
    SurvivalData survival(String time, String status) {
        double[] t = numbers(time);
        double[] s = numbers(status);
        int[] status01 = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(t[i]) || Double.isNaN(s[i])) {
                throw new IllegalArgumentException("row " + i + " has no " + time + " or " + status);
            }
            status01[i] = (int) s[i];
        }
        return SurvivalData.of(t, status01);
    }

    private List<String> column(String name) {
        List<String> c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in " + columns.keySet());
        }
        return c;
    }
}
