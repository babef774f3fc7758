package org.tessera.spatial;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the legacy Spatial Transcriptomics layout of the HER2ST data: a counts table (spots x genes, first
 * column the spot id {@code "<x>x<y>"}, optionally gzipped) and a spot selection file (columns
 * {@code x y new_x new_y pixel_x pixel_y selected}). Spots under tissue ({@code selected == 1}) with a
 * counts row are kept, in the counts file's order. Every problem names the file and the line.
 */
public final class LegacyStReader {
    private LegacyStReader() {
    }

    public static Section read(String name, Path counts, Path selection) throws IOException {
        InputFiles.require(counts, "a counts table (spots x genes, first column '<x>x<y>')");
        InputFiles.require(selection, "a spot selection table (x y new_x new_y pixel_x pixel_y selected)");
        Map<String, double[]> centres = selection(selection);
        try (BufferedReader in = InputFiles.open(counts)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(counts + ": empty counts file");
            }
            String[] h = header.split("\t", -1);
            List<String> genes = List.of(h).subList(1, h.length);
            Set<String> distinct = new HashSet<>();
            for (String g : genes) {
                if (!distinct.add(g)) {
                    throw new IOException(counts + ": line 1: gene '" + g + "' appears twice in the header");
                }
            }
            Set<String> seen = new HashSet<>();
            List<Section.Spot> spots = new ArrayList<>();
            List<int[]> rows = new ArrayList<>();
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != h.length) {
                    throw new IOException(counts + ": line " + lineNo + " has " + f.length + " fields, the header has " + h.length);
                }
                String id = f[0].strip();
                if (!seen.add(id)) {
                    throw new IOException(counts + ": line " + lineNo + ": spot '" + id + "' appears a second time");
                }
                double[] c = centres.get(id);
                if (c == null) {
                    throw new IOException(counts + ": line " + lineNo + ": spot '" + id + "' is not in the selection file " + selection);
                }
                if (c[2] != 1) {
                    continue; // not under tissue
                }
                int[] v = new int[genes.size()];
                for (int g = 0; g < v.length; g++) {
                    v[g] = count(f[g + 1], counts, lineNo, genes.get(g));
                }
                String[] xy = id.split("x");
                spots.add(new Section.Spot(id, Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), c[0], c[1]));
                rows.add(v);
            }
            return new Section(name, spots, genes, rows.toArray(new int[0][]));
        }
    }

    private static int count(String cell, Path file, int line, String gene) throws IOException {
        int n = cell.length();
        if (n > 0 && n < 10) { // the common case, plain digits, without the cost of parseDouble
            int v = 0;
            int i = 0;
            while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
                v = v * 10 + (cell.charAt(i++) - '0');
            }
            if (i == n) {
                return v;
            }
        }
        String s = cell.strip();
        try {
            double d = Double.parseDouble(s);
            if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw new IOException(file + ": line " + line + ", gene " + gene + ": count '" + s + "' is not a non-negative integer");
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": line " + line + ", gene " + gene + ": count '" + s + "' is not a number", e);
        }
    }

    /** Spot id "XxY" -> {pixel_x, pixel_y, selected}. */
    private static Map<String, double[]> selection(Path file) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        List<String> lines;
        try (BufferedReader in = InputFiles.open(file)) { // malformed UTF-8 becomes U+FFFD and then a named parse error
            lines = in.lines().toList();
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty selection file");
        }
        List<String> header = List.of(lines.get(0).strip().split("\t"));
        int x = header.indexOf("x");
        int y = header.indexOf("y");
        int px = header.indexOf("pixel_x");
        int py = header.indexOf("pixel_y");
        int sel = header.indexOf("selected");
        if (x < 0 || y < 0 || px < 0 || py < 0) {
            throw new IOException(file + ": the header must name x, y, pixel_x and pixel_y (found " + header + ")");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).strip().split("\t");
            try {
                String id = Integer.parseInt(f[x].strip()) + "x" + Integer.parseInt(f[y].strip());
                double selected = sel >= 0 ? Double.parseDouble(f[sel]) : 1;
                out.put(id, new double[] {Double.parseDouble(f[px]), Double.parseDouble(f[py]), selected});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(file + ": line " + (i + 1) + " is not 'x y ... pixel_x pixel_y selected': " + lines.get(i), e);
            }
        }
        return out;
    }
}
