package org.tessera.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Raw little-endian IEEE-754 float64 arrays, the language-neutral form of a bundle's weights: numpy reads
 * one with {@code np.fromfile(f, '<f8').reshape(shape)}, R with {@code readBin(f, "double", n, 8,
 * endian = "little")}. Double precision, so a bundle predicts what the fitted head predicts to rounding.
 * Each file's sha256 is recorded in {@code bundle.json} and checked on reading.
 */
final class WeightFiles {
    private static final int CHUNK = 1 << 16; // doubles per buffer

    private WeightFiles() {
    }

    /** Writes {@code values} to {@code file}; returns the file's sha256. */
    static String write(Path file, double[] values) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int from = 0; from < values.length; from += CHUNK) {
                fill(buffer, values, from);
                digest.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The sha256 {@link #write} would give, without writing. */
    static String sha256(double[] values) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK) {
            fill(buffer, values, from);
            digest.update(buffer);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Reads {@code count} doubles from {@code file}, checking its size and sha256.
     *
     * @throws BundleException naming the file when it is missing, has another size or checksum, or holds a
     *                         non-finite value
     */
    static double[] read(Path file, long count, String expectedSha256) throws BundleException {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file + ": weights file is missing");
        }
        try {
            long size = Files.size(file);
            if (size != count * Double.BYTES) {
                throw new BundleException(file + ": " + size + " bytes, but its shape in bundle.json needs " + count + " float64 = "
                        + count * Double.BYTES + " bytes");
            }
            double[] values = new double[Math.toIntExact(count)];
            MessageDigest digest = sha256();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    buffer.clear().limit(n * Double.BYTES);
                    while (buffer.hasRemaining()) {
                        if (in.read(buffer) < 0) {
                            throw new BundleException(file + ": ended early");
                        }
                    }
                    buffer.flip();
                    digest.update(buffer.duplicate());
                    buffer.asDoubleBuffer().get(values, from, n);
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(expectedSha256)) {
                throw new BundleException(file + ": sha256 is " + sha + " but bundle.json records " + expectedSha256
                        + "; the file was changed after the bundle was written");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new BundleException(file + ": value " + i + " is " + values[i]);
                }
            }
            return values;
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read weights: " + e.getMessage(), e);
        }
    }

    private static void fill(ByteBuffer buffer, double[] values, int from) {
        int n = Math.min(CHUNK, values.length - from);
        buffer.clear();
        buffer.asDoubleBuffer().put(values, from, n);
        buffer.limit(n * Double.BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }
}
