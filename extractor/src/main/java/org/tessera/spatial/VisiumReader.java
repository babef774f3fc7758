package org.tessera.spatial;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a 10x Visium Space Ranger output folder (the {@code outs/} folder, the run folder holding it, or any
 * folder laid out like it):
 * <ul>
 * <li>counts from {@code filtered_feature_bc_matrix/} (MTX) or else {@code filtered_feature_bc_matrix.h5};
 *     only 'Gene Expression' features, duplicate symbols made unique as anndata does ({@code TBCE},
 *     {@code TBCE-1});</li>
 * <li>positions from {@code spatial/tissue_positions.csv} (with header) or {@code spatial/tissue_positions_list.csv}
 *     (without): barcode, in_tissue, array_row, array_col, pxl_row_in_fullres, pxl_col_in_fullres. The spot's
 *     array x is array_col and y array_row; its pixel x is pxl_col and pixel y pxl_row (full-resolution image);</li>
 * <li>{@code spatial/scalefactors_json.json}, optional: {@code spot_diameter_fullres}, hence
 *     {@code mpp = 55 um / spot_diameter_fullres}.</li>
 * </ul>
 * Barcodes of the matrix that are not under tissue are dropped; a barcode without a position is an error.
 */
public final class VisiumReader {
    /** Diameter of a Visium spot in micrometres. */
    public static final double SPOT_DIAMETER_UM = 55;

    private VisiumReader() {
    }

    /** The section, the file its counts came from, and the image's pixel size from the scale factors, if given. */
    public record Sample(Section section, Path countsFile, OptionalDouble scalefactorMpp) {
    }

    private record Position(boolean inTissue, int row, int col, double pxlRow, double pxlCol) {
    }

    public static Sample read(String name, Path folder) throws IOException {
        Path dir = Files.isDirectory(folder.resolve("outs")) && !Files.isDirectory(folder.resolve("spatial")) ? folder.resolve("outs") : folder;
        if (!Files.isDirectory(dir)) {
            throw new java.io.FileNotFoundException(dir + ": no such folder; expected a Space Ranger output folder (outs/)");
        }
        Path mtxDir = dir.resolve("filtered_feature_bc_matrix");
        FeatureBarcodeMatrix m;
        if (Files.isDirectory(mtxDir)) {
            m = VisiumMtx.read(mtxDir);
        } else if (Files.isRegularFile(dir.resolve("filtered_feature_bc_matrix.h5"))) {
            m = VisiumH5.read(dir.resolve("filtered_feature_bc_matrix.h5"));
        } else {
            throw new java.io.FileNotFoundException(dir + ": has neither filtered_feature_bc_matrix/ nor filtered_feature_bc_matrix.h5;"
                    + " expected Space Ranger's filtered counts");
        }
        Path positionsFile = InputFiles.first(dir.resolve("spatial"), List.of("tissue_positions.csv", "tissue_positions_list.csv"),
                "spot positions (barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres)");
        Map<String, Position> positions = positions(positionsFile);
        List<Section.Spot> spots = new ArrayList<>();
        int[] rowStart = new int[m.barcodes().size() + 1];
        int[] gene = new int[m.gene().length];
        int[] count = new int[m.count().length];
        int k = 0;
        for (int b = 0; b < m.barcodes().size(); b++) {
            String barcode = m.barcodes().get(b);
            Position p = positions.get(barcode);
            if (p == null) {
                throw new IOException(positionsFile + ": barcode '" + barcode + "' (number " + (b + 1) + " of " + m.file().getFileName()
                        + ") has no position");
            }
            if (p.inTissue()) {
                spots.add(new Section.Spot(barcode, p.col(), p.row(), p.pxlCol(), p.pxlRow()));
                int n = m.start()[b + 1] - m.start()[b];
                System.arraycopy(m.gene(), m.start()[b], gene, k, n);
                System.arraycopy(m.count(), m.start()[b], count, k, n);
                k += n;
                rowStart[spots.size()] = k;
            }
        }
        Section section = Section.sparse(name, spots, m.genes(), Arrays.copyOf(rowStart, spots.size() + 1), Arrays.copyOf(gene, k),
                Arrays.copyOf(count, k));
        return new Sample(section, m.file(),
                scalefactorMpp(dir.resolve("spatial/scalefactors_json.json")));
    }

    private static Map<String, Position> positions(Path file) throws IOException {
        Map<String, Position> out = new HashMap<>();
        try (BufferedReader in = InputFiles.open(file)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank() || (lineNo == 1 && line.startsWith("barcode"))) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 6) {
                    throw new IOException(file + ": line " + lineNo + " has " + f.length
                            + " fields; expected barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres");
                }
                try {
                    out.put(f[0].strip(), new Position(Integer.parseInt(f[1].strip()) == 1, Integer.parseInt(f[2].strip()),
                            Integer.parseInt(f[3].strip()), Double.parseDouble(f[4].strip()), Double.parseDouble(f[5].strip())));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + lineNo + ": " + e.getMessage() + " in '" + line + "'", e);
                }
            }
        }
        return out;
    }

    private static OptionalDouble scalefactorMpp(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return OptionalDouble.empty();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode d = root == null ? null : root.get("spot_diameter_fullres");
        if (d == null || !d.isNumber() || !(d.asDouble() > 0) || !Double.isFinite(d.asDouble())) {
            throw new IOException(file + ": no positive spot_diameter_fullres");
        }
        return OptionalDouble.of(SPOT_DIAMETER_UM / d.asDouble());
    }
}
