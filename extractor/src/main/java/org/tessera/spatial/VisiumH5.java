package org.tessera.spatial;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Space Ranger's {@code filtered_feature_bc_matrix.h5} with jHDF: the CSC matrix {@code /matrix/data},
 * {@code indices} (feature of each entry), {@code indptr} (entries of each barcode), {@code shape}
 * (features, barcodes), {@code barcodes}, {@code features/name} and {@code features/feature_type}; only
 * 'Gene Expression' features are kept.
 */
final class VisiumH5 {
    private VisiumH5() {
    }

    static FeatureBarcodeMatrix read(Path file) throws IOException {
        InputFiles.require(file, "Space Ranger's filtered_feature_bc_matrix.h5");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); HdfFile h5 = open(file, channel)) {
            long[] data = longs(h5, file, "/matrix/data");
            long[] indices = longs(h5, file, "/matrix/indices");
            long[] indptr = longs(h5, file, "/matrix/indptr");
            long[] shape = longs(h5, file, "/matrix/shape");
            String[] barcodes = strings(h5, file, "/matrix/barcodes");
            String[] names = strings(h5, file, "/matrix/features/name");
            String[] types = exists(h5, "/matrix/features/feature_type")
                    ? strings(h5, file, "/matrix/features/feature_type") : null;
            if (shape.length != 2 || shape[0] != names.length || shape[1] != barcodes.length) {
                throw new IOException(file + ": /matrix/shape is " + java.util.Arrays.toString(shape) + " but there are " + names.length
                        + " features and " + barcodes.length + " barcodes");
            }
            if (indptr.length != barcodes.length + 1 || data.length != indices.length || indptr[0] != 0
                    || indptr[indptr.length - 1] != data.length) {
                throw new IOException(file + ": /matrix/indptr has " + indptr.length + " entries for " + barcodes.length + " barcodes (expected "
                        + (barcodes.length + 1) + "), its first is " + indptr[0] + " (expected 0), its last is " + indptr[indptr.length - 1]
                        + ", and there are " + data.length + " data and " + indices.length + " indices");
            }
            for (int b = 0; b < barcodes.length; b++) {
                if (indptr[b + 1] < indptr[b]) {
                    throw new IOException(file + ": /matrix/indptr decreases at barcode " + (b + 1) + " (" + indptr[b] + " then " + indptr[b + 1]
                            + "); it must be the running count of entries");
                }
            }
            if (types != null && types.length != names.length) {
                throw new IOException(file + ": /matrix/features/feature_type has " + types.length + " entries for " + names.length + " features");
            }
            int[] rowToGene = new int[names.length];
            List<String> symbols = new ArrayList<>();
            for (int f = 0; f < names.length; f++) {
                boolean expression = types == null || types[f].equals("Gene Expression");
                rowToGene[f] = expression ? symbols.size() : -1;
                if (expression) {
                    symbols.add(names[f]);
                }
            }
            int[] barcode = new int[data.length];
            int[] gene = new int[data.length];
            int[] count = new int[data.length];
            int kept = 0;
            for (int b = 0; b < barcodes.length; b++) {
                for (long k = indptr[b]; k < indptr[b + 1]; k++) {
                    long f = indices[(int) k];
                    if (f < 0 || f >= names.length) {
                        throw new IOException(file + ": /matrix/indices[" + k + "] = " + f + " is outside the " + names.length + " features");
                    }
                    if (data[(int) k] < 0 || data[(int) k] > Integer.MAX_VALUE) {
                        throw new IOException(file + ": /matrix/data[" + k + "] = " + data[(int) k] + " (barcode " + barcodes[b]
                                + ") is not a non-negative integer count");
                    }
                    if (rowToGene[(int) f] >= 0) {
                        barcode[kept] = b;
                        gene[kept] = rowToGene[(int) f];
                        count[kept++] = (int) data[(int) k];
                    }
                }
            }
            return FeatureBarcodeMatrix.fromEntries(file, FeatureBarcodeMatrix.makeUnique(symbols), List.of(barcodes), kept, barcode, gene,
                    count);
        } catch (HdfException e) {
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            // jHDF reports some damaged structures with plain runtime exceptions that do not name the file (found by
            // fuzzing: ArithmeticException "Could not convert to unsigned value", IllegalArgumentException "Couldn't read
            // 0 bytes as int"). This class's own indexing is guarded by the checks above.
            throw unreadable(file, e);
        }
    }

    /**
     * The file through a read-only memory map when it fits one (2 GB). Reading through a file channel, jHDF
     * allocates a heap buffer of whatever size an object header claims: found by fuzzing, a damaged 715-byte file
     * asked for 850 MB (OutOfMemoryError under a small heap). From a mapped buffer it takes slices, and a claim past
     * the end fails as an HdfException.
     */
    private static HdfFile open(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        return size <= Integer.MAX_VALUE ? HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size)) : new HdfFile(file);
    }

    private static IOException unreadable(Path file, RuntimeException e) {
        return new IOException(file + ": not a readable Space Ranger HDF5 matrix: " + e, e);
    }

    private static boolean exists(HdfFile h5, String path) {
        try {
            h5.getByPath(path);
            return true;
        } catch (HdfException e) {
            return false;
        }
    }

    private static Dataset dataset(HdfFile h5, Path file, String path) throws IOException {
        Node n;
        try {
            n = h5.getByPath(path);
        } catch (HdfException e) {
            throw new IOException(file + ": has no dataset " + path + " (expected a Space Ranger feature-barcode matrix)", e);
        }
        if (!(n instanceof Dataset d)) {
            throw new IOException(file + ": " + path + " is not a dataset");
        }
        return d;
    }

    private static long[] longs(HdfFile h5, Path file, String path) throws IOException {
        Object data = dataset(h5, file, path).getData();
        if (!data.getClass().isArray() || data.getClass().getComponentType().isArray()) {
            throw new IOException(file + ": " + path + " is not a one-dimensional numeric dataset");
        }
        int n = Array.getLength(data);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(data, i);
            if (!(v instanceof Number num)) {
                throw new IOException(file + ": " + path + " is not numeric");
            }
            double d = num.doubleValue();
            if (d != Math.rint(d)) {
                throw new IOException(file + ": " + path + "[" + i + "] = " + d + " is not an integer");
            }
            out[i] = num.longValue();
        }
        return out;
    }

    private static String[] strings(HdfFile h5, Path file, String path) throws IOException {
        Object data = dataset(h5, file, path).getData();
        if (!(data instanceof String[] s)) {
            throw new IOException(file + ": " + path + " is not a one-dimensional string dataset");
        }
        return s;
    }
}
