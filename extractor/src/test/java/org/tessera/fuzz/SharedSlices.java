package org.tessera.fuzz;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.tessera.testkit.Shared;
import org.tessera.testkit.fuzz.FuzzTarget.Sample;

/**
 * Small slices of the real files in {@code ../shared}, made at test time (nothing is copied into the
 * repository): the first spots and genes of HER2ST sections as legacy ST tables and as Space Ranger MTX and
 * HDF5 folders, crops of real H&E tiles as JPEG, PNG and TIFF, and the first directory of a real Aperio slide.
 */
final class SharedSlices {
    static final int SPOTS = 12;
    static final int GENES = 30;
    static final List<String> SECTIONS = List.of("B4", "C2");

    private SharedSlices() {
    }

    /** A HER2ST section cut to its first spots x genes: the counts lines and the selection lines of those spots. */
    record Slice(List<String[]> counts, List<String> selectionHeader, List<String[]> selection) {
    }

    static Slice her2st(String section) throws IOException {
        List<String[]> counts = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Shared.path("her2st/counts/" + section + ".tsv.gz"))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && counts.size() <= SPOTS; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                counts.add(Arrays.copyOf(f, GENES + 1));
            }
        }
        List<String> lines = Files.readAllLines(Shared.path("her2st/spots/" + section + "_selection.tsv"));
        List<String> ids = counts.subList(1, counts.size()).stream().map(f -> f[0]).toList();
        List<String[]> selection = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (ids.contains(f[0] + "x" + f[1])) {
                selection.add(f);
            }
        }
        return new Slice(counts, List.of(lines.get(0).split("\t")), selection);
    }

    static List<Sample> legacySt() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String s : SECTIONS) {
            Slice slice = her2st(s);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("counts.tsv", tsv(slice.counts()));
            List<String[]> sel = new ArrayList<>();
            sel.add(slice.selectionHeader().toArray(String[]::new));
            sel.addAll(slice.selection());
            files.put("selection.tsv", tsv(sel));
            out.add(new Sample(files));
        }
        return out;
    }

    /** The slices as Space Ranger outs/ folders with an MTX matrix (features x barcodes, 1-based). */
    static List<Sample> visiumMtx() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String s : SECTIONS) {
            Slice slice = her2st(s);
            Map<String, byte[]> files = new LinkedHashMap<>();
            String[] genes = Arrays.copyOfRange(slice.counts().get(0), 1, GENES + 1);
            StringBuilder features = new StringBuilder();
            for (int g = 0; g < genes.length; g++) {
                features.append("ENSG").append(g).append('\t').append(genes[g]).append("\tGene Expression\n");
            }
            List<String> entries = new ArrayList<>();
            for (int b = 1; b < slice.counts().size(); b++) {
                for (int g = 1; g <= GENES; g++) {
                    if (!slice.counts().get(b)[g].equals("0")) {
                        entries.add(g + " " + b + " " + slice.counts().get(b)[g]);
                    }
                }
            }
            files.put("filtered_feature_bc_matrix/matrix.mtx", text("%%MatrixMarket matrix coordinate integer general\n%metadata_json: {}\n"
                    + GENES + " " + (slice.counts().size() - 1) + " " + entries.size() + "\n" + String.join("\n", entries) + "\n"));
            files.put("filtered_feature_bc_matrix/features.tsv", text(features.toString()));
            files.put("filtered_feature_bc_matrix/barcodes.tsv", text(String.join("\n", barcodes(slice)) + "\n"));
            spatial(slice, files);
            out.add(new Sample(files));
        }
        return out;
    }

    /** The slices as outs/ folders with Space Ranger's CSC HDF5 matrix, written with jHDF. */
    static List<Sample> visiumH5(Path work) throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String s : SECTIONS) {
            Slice slice = her2st(s);
            List<Long> data = new ArrayList<>();
            List<Long> indices = new ArrayList<>();
            long[] indptr = new long[slice.counts().size()];
            for (int b = 1; b < slice.counts().size(); b++) {
                for (int g = 1; g <= GENES; g++) {
                    long v = Long.parseLong(slice.counts().get(b)[g]);
                    if (v != 0) {
                        data.add(v);
                        indices.add((long) g - 1);
                    }
                }
                indptr[b] = data.size();
            }
            String[] genes = Arrays.copyOfRange(slice.counts().get(0), 1, GENES + 1);
            Path h5 = Files.createTempFile(work, "matrix", ".h5");
            try (WritableHdfFile f = HdfFile.write(h5)) {
                WritableGroup m = f.putGroup("matrix");
                m.putDataset("data", data.stream().mapToInt(Long::intValue).toArray());
                m.putDataset("indices", indices.stream().mapToLong(Long::longValue).toArray());
                m.putDataset("indptr", indptr);
                m.putDataset("shape", new int[] {GENES, slice.counts().size() - 1});
                m.putDataset("barcodes", barcodes(slice).toArray(String[]::new));
                WritableGroup features = m.putGroup("features");
                features.putDataset("id", Arrays.stream(genes).map(g -> "ENSG" + g).toArray(String[]::new));
                features.putDataset("name", genes);
                features.putDataset("feature_type", Arrays.stream(genes).map(g -> "Gene Expression").toArray(String[]::new));
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("filtered_feature_bc_matrix.h5", Files.readAllBytes(h5));
            Files.delete(h5);
            spatial(slice, files);
            out.add(new Sample(files));
        }
        return out;
    }

    private static List<String> barcodes(Slice slice) {
        return slice.counts().subList(1, slice.counts().size()).stream().map(f -> f[0] + "-1").toList();
    }

    /** tissue_positions.csv (barcode,in_tissue,array_row,array_col,pxl_row,pxl_col) and the scale factors (145 px spots). */
    private static void spatial(Slice slice, Map<String, byte[]> files) {
        StringBuilder p = new StringBuilder("barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres\n");
        List<String> h = slice.selectionHeader();
        for (String[] f : slice.selection()) {
            p.append(f[0]).append('x').append(f[1]).append("-1,").append(f[h.indexOf("selected")]).append(',').append(f[1]).append(',')
                    .append(f[0]).append(',').append(f[h.indexOf("pixel_y")]).append(',').append(f[h.indexOf("pixel_x")]).append('\n');
        }
        files.put("spatial/tissue_positions.csv", text(p.toString()));
        files.put("spatial/scalefactors_json.json", text("{\"spot_diameter_fullres\": 145.0, \"tissue_hires_scalef\": 0.17, "
                + "\"fiducial_diameter_fullres\": 210.0}"));
    }

    /** 48x40 crops of real H&E tiles, encoded as {@code format} ("jpeg", "png", "tiff"). */
    static List<Sample> images(String format, String fileName) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (var tiles = Files.walk(Shared.path("tcga-brca/tiles"))) {
            for (Path tile : tiles.filter(p -> p.toString().endsWith(".png")).sorted().limit(2).toList()) {
                BufferedImage crop = ImageIO.read(tile.toFile()).getSubimage(60, 80, 48, 40);
                BufferedImage rgb = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                rgb.getGraphics().drawImage(crop, 0, 0, null);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                if (!ImageIO.write(rgb, format, bytes)) {
                    throw new IOException("no ImageIO writer for " + format);
                }
                out.add(Sample.of(fileName, bytes.toByteArray()));
            }
        }
        return out;
    }

    /** A real Aperio slide cut in three: bytes before its first image directory, the directory's 2 KB, the rest. */
    record SlideParts(byte[] before, byte[] directory, byte[] after) {
    }

    private static SlideParts svsParts;

    static synchronized SlideParts svs() throws IOException {
        if (svsParts != null) {
            return svsParts;
        }
        byte[] b = Files.readAllBytes(Shared.path("slides/CMU-1-Small-Region.svs"));
        ByteBuffer buf = ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = buf.getInt(4); // classic TIFF: the first directory's offset
        int end = Math.min(b.length, ifd + 2048);
        svsParts = new SlideParts(Arrays.copyOf(b, ifd), Arrays.copyOfRange(b, ifd, end), Arrays.copyOfRange(b, end, b.length));
        return svsParts;
    }

    /** The seed of a fuzzed slide directory: the real slide's first directory. */
    static List<Sample> svsDirectory() throws IOException {
        return List.of(Sample.of("directory.bin", svs().directory()));
    }

    /**
     * Writes {@code folder/slide.svs}: the real slide with its first directory replaced by the fuzzed bytes in
     * {@code directory}; returns its path. Any reader of TIFF directories can be fuzzed this way.
     */
    static Path svsAround(Path folder, Path directory) throws IOException {
        SlideParts parts = svs();
        Path svs = folder.resolve("slide.svs");
        try (java.io.OutputStream out = Files.newOutputStream(svs)) {
            out.write(parts.before());
            out.write(Files.readAllBytes(directory));
            out.write(parts.after());
        }
        return svs;
    }

    private static byte[] tsv(List<String[]> rows) {
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            s.append(String.join("\t", r)).append('\n');
        }
        return text(s.toString());
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
