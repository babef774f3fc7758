package org.tessera.slide;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TIFF or BigTIFF file opened for reading its directories and raw tile bytes, in pure Java.
 *
 * <p>Only positional {@link FileChannel} reads are used, so one instance serves any number of threads. Every
 * offset, count and size read from the file is checked against the file's size and sane limits before it is
 * used: a damaged or hostile file gives a {@link SlideException} naming it and the problem, never an
 * out-of-memory error, an endless loop or an index exception.
 */
final class TiffFile implements AutoCloseable {

    /** At most this many directories in the chain (real slides have under 20). */
    static final int MAX_DIRECTORIES = 4096;
    /** At most this many entries in one directory (classic TIFF's count is 16 bits anyway). */
    static final int MAX_ENTRIES = 65535;
    /** Largest stored tile we read (bytes). */
    static final int MAX_TILE_BYTES = 64 << 20;
    /** Largest JPEGTables we read (bytes). */
    static final int MAX_TABLES_BYTES = 1 << 20;
    /** Largest tile (pixels per side) we accept: the decoded tile must fit comfortably in memory. */
    static final int MAX_TILE_SIDE = 16384;

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int PLANAR_CONFIG = 284;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int JPEG_TABLES = 347;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final boolean big;
    private final List<TiffDirectory> directories;

    private TiffFile(Path path, FileChannel channel) throws SlideException {
        this.path = path;
        this.channel = channel;
        try {
            this.size = channel.size();
        } catch (IOException e) {
            throw new SlideException(path, "cannot read its size: " + e.getMessage(), e);
        }
        ByteBuffer head = read(0, 16 > size ? (int) Math.max(size, 0) : 16, "the TIFF header");
        if (head.remaining() < 8) {
            throw new SlideException(path, "not a TIFF file: only " + size + " bytes");
        }
        int b0 = head.get(0);
        int b1 = head.get(1);
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new SlideException(path, "not a TIFF file: byte order mark is not II or MM");
        }
        head.order(order);
        int version = head.getShort(2) & 0xFFFF;
        long first;
        if (version == 42) {
            big = false;
            first = head.getInt(4) & 0xFFFFFFFFL;
        } else if (version == 43) {
            if (head.remaining() < 16 || head.getShort(4) != 8 || head.getShort(6) != 0) {
                throw new SlideException(path, "damaged BigTIFF header (offset size must be 8)");
            }
            big = true;
            first = head.getLong(8);
        } else {
            throw new SlideException(path, "not a TIFF file: version " + version + " is neither 42 (TIFF) nor 43 (BigTIFF)");
        }
        this.directories = List.copyOf(readChain(first));
    }

    /** Opens the file and reads its whole directory chain. */
    static TiffFile open(Path path) throws SlideException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SlideException(path, "cannot open it: " + e.getMessage(), e);
        }
        try {
            return new TiffFile(path, channel);
        } catch (SlideException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception pending) {
        try {
            channel.close();
        } catch (IOException suppressed) {
            pending.addSuppressed(suppressed);
        }
    }

    Path path() {
        return path;
    }

    /** Every directory of the chain, in file order. */
    List<TiffDirectory> directories() {
        return directories;
    }

    /** The stored bytes of tile {@code tile} of {@code dir} (empty for a missing, zero-length tile). */
    byte[] tileBytes(TiffDirectory dir, int tile, String what) throws SlideException {
        int count = (int) dir.tileByteCounts()[tile];
        if (count == 0) {
            return new byte[0];
        }
        byte[] bytes = new byte[count];
        read(dir.tileOffsets()[tile], ByteBuffer.wrap(bytes), what);
        return bytes;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException(path + ": cannot close it", e);
        }
    }

    private List<TiffDirectory> readChain(long first) throws SlideException {
        List<TiffDirectory> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long offset = first; offset != 0; ) {
            if (out.size() >= MAX_DIRECTORIES) {
                throw new SlideException(path, "more than " + MAX_DIRECTORIES + " TIFF directories");
            }
            if (!seen.add(offset)) {
                throw new SlideException(path, "TIFF directory chain loops back to offset " + offset);
            }
            offset = readDirectory(out.size(), offset, out);
        }
        if (out.isEmpty()) {
            throw new SlideException(path, "TIFF file has no directory");
        }
        return out;
    }

    /** Reads the directory at {@code offset} into {@code out}; returns the next directory's offset (0: none). */
    private long readDirectory(int index, long offset, List<TiffDirectory> out) throws SlideException {
        String where = "TIFF directory " + index + " at offset " + offset;
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        ByteBuffer countBuffer = read(offset, countSize, where);
        long entries = big ? countBuffer.getLong(0) : countBuffer.getShort(0) & 0xFFFF;
        if (entries < 0 || entries > MAX_ENTRIES) {
            throw new SlideException(path, where + ": " + entries + " entries");
        }
        ByteBuffer table = read(offset + countSize, (int) entries * entrySize + countSize * (big ? 1 : 2), where);
        Fields f = new Fields();
        for (int i = 0; i < entries; i++) {
            readEntry(table, i * entrySize, where, f);
        }
        long next = big ? table.getLong((int) entries * entrySize) : table.getInt((int) entries * entrySize) & 0xFFFFFFFFL;
        try {
            out.add(new TiffDirectory(index, f.width, f.length, f.tileWidth, f.tileLength, f.compression, f.photometric,
                    f.samplesPerPixel, f.planarConfig, f.tileOffsets, f.tileByteCounts, f.jpegTables));
        } catch (IllegalArgumentException e) {
            throw new SlideException(path, e.getMessage(), e);
        }
        checkTiles(out.getLast(), where);
        return next;
    }

    /** Mutable fields of the directory being read; defaults are TIFF's. */
    private static final class Fields {
        long width;
        long length;
        int tileWidth;
        int tileLength;
        int compression = 1;
        int photometric = -1;
        int samplesPerPixel = 1;
        int planarConfig = 1;
        long[] tileOffsets = new long[0];
        long[] tileByteCounts = new long[0];
        byte[] jpegTables = new byte[0];
    }

    private void readEntry(ByteBuffer table, int at, String where, Fields f) throws SlideException {
        int tag = table.getShort(at) & 0xFFFF;
        int type = table.getShort(at + 2) & 0xFFFF;
        long count = big ? table.getLong(at + 4) : table.getInt(at + 4) & 0xFFFFFFFFL;
        int valueAt = at + (big ? 12 : 8);
        switch (tag) {
            case IMAGE_WIDTH -> f.width = single(table, valueAt, type, count, where, "ImageWidth");
            case IMAGE_LENGTH -> f.length = single(table, valueAt, type, count, where, "ImageLength");
            case COMPRESSION -> f.compression = (int) single(table, valueAt, type, count, where, "Compression");
            case PHOTOMETRIC -> f.photometric = (int) single(table, valueAt, type, count, where, "PhotometricInterpretation");
            case SAMPLES_PER_PIXEL -> f.samplesPerPixel = (int) single(table, valueAt, type, count, where, "SamplesPerPixel");
            case PLANAR_CONFIG -> f.planarConfig = (int) single(table, valueAt, type, count, where, "PlanarConfiguration");
            case TILE_WIDTH -> f.tileWidth = tileSide(single(table, valueAt, type, count, where, "TileWidth"), where);
            case TILE_LENGTH -> f.tileLength = tileSide(single(table, valueAt, type, count, where, "TileLength"), where);
            case TILE_OFFSETS -> f.tileOffsets = array(table, valueAt, type, count, where, "TileOffsets");
            case TILE_BYTE_COUNTS -> f.tileByteCounts = array(table, valueAt, type, count, where, "TileByteCounts");
            case JPEG_TABLES -> f.jpegTables = bytes(table, valueAt, type, count, where);
            default -> {
                // every other tag is OpenSlide's business
            }
        }
    }

    private int tileSide(long side, String where) throws SlideException {
        if (side <= 0 || side > MAX_TILE_SIDE) {
            throw new SlideException(path, where + ": tile side " + side + " is not in 1.." + MAX_TILE_SIDE);
        }
        return (int) side;
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    private long single(ByteBuffer table, int valueAt, int type, long count, String where, String name) throws SlideException {
        long[] values = array(table, valueAt, type, count, where, name);
        if (values.length != 1) {
            throw new SlideException(path, where + ": " + name + " has " + values.length + " values, expected 1");
        }
        return values[0];
    }

    /** An unsigned integer array (BYTE, SHORT, LONG, LONG8, IFD, IFD8), inline or at its offset. */
    private long[] array(ByteBuffer table, int valueAt, int type, long count, String where, String name) throws SlideException {
        int unit = typeSize(type);
        if (type != 1 && type != 3 && type != 4 && type != 13 && type != 16 && type != 18) {
            throw new SlideException(path, where + ": " + name + " has TIFF type " + type + ", not an unsigned integer");
        }
        ByteBuffer data = values(table, valueAt, unit, count, where, name);
        long[] out = new long[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (unit) {
                case 1 -> data.get(i) & 0xFFL;
                case 2 -> data.getShort(2 * i) & 0xFFFFL;
                case 4 -> data.getInt(4 * i) & 0xFFFFFFFFL;
                default -> data.getLong(8 * i);
            };
        }
        return out;
    }

    private byte[] bytes(ByteBuffer table, int valueAt, int type, long count, String where) throws SlideException {
        if (type != 1 && type != 7) {
            throw new SlideException(path, where + ": JPEGTables has TIFF type " + type + ", not BYTE or UNDEFINED");
        }
        if (count > MAX_TABLES_BYTES) {
            throw new SlideException(path, where + ": JPEGTables of " + count + " bytes");
        }
        ByteBuffer data = values(table, valueAt, 1, count, where, "JPEGTables");
        byte[] out = new byte[(int) count];
        data.get(0, out);
        return out;
    }

    /** The {@code count} values of {@code unit} bytes each: inline in the entry when they fit, else at the offset there. */
    private ByteBuffer values(ByteBuffer table, int valueAt, int unit, long count, String where, String name) throws SlideException {
        int inline = big ? 8 : 4;
        if (count < 0 || count > size / unit + 1 || count * unit > Integer.MAX_VALUE - 8) {
            throw new SlideException(path, where + ": " + name + " claims " + count + " values in a file of " + size + " bytes");
        }
        int bytes = (int) (count * unit);
        if (bytes <= inline) {
            return table.slice(valueAt, bytes).order(order);
        }
        long offset = big ? table.getLong(valueAt) : table.getInt(valueAt) & 0xFFFFFFFFL;
        return read(offset, bytes, where + " " + name);
    }

    private void checkTiles(TiffDirectory dir, String where) throws SlideException {
        for (int i = 0; i < dir.tileOffsets().length; i++) {
            long offset = dir.tileOffsets()[i];
            long count = dir.tileByteCounts()[i];
            if (count < 0 || count > MAX_TILE_BYTES || offset < 0 || (count > 0 && offset > size - count)) {
                throw new SlideException(path, where + ": tile " + i + " of " + count + " bytes at offset " + offset
                        + " lies outside the file (" + size + " bytes)");
            }
        }
    }

    /** Reads exactly {@code length} bytes at {@code offset}, checked against the file's size. */
    private ByteBuffer read(long offset, int length, String what) throws SlideException {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new SlideException(path, what + ": " + length + " bytes at offset " + offset + " lie outside the file ("
                    + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        read(offset, buffer, what);
        return buffer.flip().order(order == null ? ByteOrder.BIG_ENDIAN : order);
    }

    /** Fills {@code buffer} from {@code offset}, which the caller has checked against the file's size. */
    private void read(long offset, ByteBuffer buffer, String what) throws SlideException {
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new EOFException("end of file");
                }
            }
        } catch (IOException e) {
            throw new SlideException(path, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
