package org.tessera.spatial;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads Space Ranger's {@code filtered_feature_bc_matrix/} folder: {@code matrix.mtx(.gz)} (Matrix Market
 * coordinate, features x barcodes, 1-based), {@code features.tsv(.gz)} (id, symbol, type; only 'Gene
 * Expression' rows are kept) or the older {@code genes.tsv} (id, symbol), and {@code barcodes.tsv(.gz)}.
 */
final class VisiumMtx {
    private VisiumMtx() {
    }

    static FeatureBarcodeMatrix read(Path folder) throws IOException {
        Path mtx = InputFiles.first(folder, List.of("matrix.mtx.gz", "matrix.mtx"), "the Matrix Market count matrix (features x barcodes)");
        Path features = InputFiles.first(folder, List.of("features.tsv.gz", "features.tsv", "genes.tsv.gz", "genes.tsv"),
                "the feature table (id, symbol[, type])");
        Path barcodesFile = InputFiles.first(folder, List.of("barcodes.tsv.gz", "barcodes.tsv"), "the barcodes, one a line");
        List<String> symbols = new ArrayList<>();
        List<Integer> rowToGene = new ArrayList<>();
        for (String[] f : lines(features)) {
            boolean expression = f.length < 3 || f[2].equals("Gene Expression");
            rowToGene.add(expression ? symbols.size() : -1);
            if (expression) {
                symbols.add(f.length > 1 ? f[1] : f[0]);
            }
        }
        List<String> barcodes = lines(barcodesFile).stream().map(f -> f[0]).toList();
        try (BufferedReader in = InputFiles.open(mtx)) {
            String line = in.readLine();
            int lineNo = 1;
            if (line == null || !line.startsWith("%%MatrixMarket matrix coordinate")) {
                throw new IOException(mtx + ": line 1 is not a '%%MatrixMarket matrix coordinate' header");
            }
            do {
                line = in.readLine();
                lineNo++;
            } while (line != null && line.startsWith("%"));
            if (line == null) {
                throw new IOException(mtx + ": no size line (rows columns entries)");
            }
            long[] size = numbers(line, mtx, lineNo);
            if (size[0] != rowToGene.size() || size[1] != barcodes.size()) {
                throw new IOException(mtx + ": line " + lineNo + ": the matrix is " + size[0] + " features x " + size[1] + " barcodes but "
                        + features.getFileName() + " lists " + rowToGene.size() + " features and " + barcodesFile.getFileName() + " "
                        + barcodes.size() + " barcodes");
            }
            if (size[2] < 0 || size[2] > Integer.MAX_VALUE - 8) {
                throw new IOException(mtx + ": line " + lineNo + ": " + size[2] + " entries is more than this reader holds");
            }
            // Grown as entries arrive, not sized by the header: a size line claiming 10^9 entries in a small file must not
            // allocate 12 GB (found by fuzzing); the count is checked against the entries read below.
            int capacity = (int) Math.min(size[2], 1 << 16);
            int[] barcode = new int[capacity];
            int[] gene = new int[capacity];
            int[] count = new int[capacity];
            int kept = 0;
            long entries = 0;
            for (line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                long[] e = numbers(line, mtx, lineNo);
                if (e[0] < 1 || e[0] > size[0] || e[1] < 1 || e[1] > size[1]) {
                    throw new IOException(mtx + ": line " + lineNo + ": entry (" + e[0] + ", " + e[1] + ") is outside the " + size[0] + " x "
                            + size[1] + " matrix");
                }
                if (e[2] < 0 || e[2] > Integer.MAX_VALUE) {
                    throw new IOException(mtx + ": line " + lineNo + ": count " + e[2] + " is not a non-negative integer");
                }
                if (entries == size[2]) {
                    throw new IOException(mtx + ": line " + lineNo + ": more entries than the " + size[2] + " the size line announces");
                }
                int g = rowToGene.get((int) e[0] - 1);
                if (g >= 0) {
                    if (kept == barcode.length) {
                        int grown = (int) Math.min(size[2], 2L * barcode.length);
                        barcode = Arrays.copyOf(barcode, grown);
                        gene = Arrays.copyOf(gene, grown);
                        count = Arrays.copyOf(count, grown);
                    }
                    barcode[kept] = (int) e[1] - 1;
                    gene[kept] = g;
                    count[kept++] = (int) e[2];
                }
                entries++;
            }
            if (entries != size[2]) {
                throw new IOException(mtx + ": the size line announces " + size[2] + " entries but the file has " + entries);
            }
            return FeatureBarcodeMatrix.fromEntries(mtx, FeatureBarcodeMatrix.makeUnique(symbols), barcodes, kept, barcode, gene, count);
        }
    }

    private static long[] numbers(String line, Path file, int lineNo) throws IOException {
        String[] f = line.strip().split("\\s+");
        if (f.length != 3) {
            throw new IOException(file + ": line " + lineNo + ": expected three integers, found '" + line + "'");
        }
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + lineNo + ": '" + f[i] + "' is not a non-negative integer", e);
            }
        }
        return out;
    }

    private static List<String[]> lines(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = InputFiles.open(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
        }
        return out;
    }
}
