package org.tessera.slide;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * The pixels of a whole plain image held in memory in the most compact layout that can be copied from
 * without per-pixel calls: 3 bytes per pixel (BGR, as libjpeg-turbo and ImageIO decode JPEG and RGB PNG) or, for
 * anything else (grey, palette, alpha), one int per pixel after compositing over white. Never modified once
 * built, so any number of threads may read it at once.
 *
 * <p>The BGR bytes are a Java array (ImageIO's raster) or native memory leased from {@link PixelMemory}
 * (libjpeg-turbo decodes into it). {@link #close()} gives native memory back; a read racing with or following
 * it throws {@link IllegalStateException}. A {@link Cleaner} gives it back should an image never be closed.
 */
final class DecodedImage implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Bytes 0, 2, 4 and 6 of a long, each in the low half of a 16-bit lane. */
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

    private final int width;
    private final int height;
    /** BGR triplets, row-major, no padding; empty when {@link #rgb} is used. */
    private final MemorySegment bgr;
    /** 0xRRGGBB, row-major, no padding; empty when {@link #bgr} is used. */
    private final int[] rgb;
    /** Gives native memory back; null for Java arrays. */
    private final Cleaner.Cleanable release;

    private DecodedImage(int width, int height, MemorySegment bgr, int[] rgb, PixelMemory.Lease lease) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
        this.rgb = rgb;
        this.release = lease == null ? null : CLEANER.register(this, lease::close); // captures the lease, never this
    }

    /** Most pixels one image can hold: 3 bytes each in one Java array. */
    static final long MAX_PIXELS = (Integer.MAX_VALUE - 8) / 3;

    /**
     * Refuses a header whose size no decoded image can have. Found by fuzzing: a 600-byte JPEG whose header claims
     * 65000 x 65000 pixels made the first read ask for 12 GB and fail with OutOfMemoryError.
     */
    static void checkHoldable(Path path, Dimensions d) throws SlideException {
        if (d.width() * d.height() > MAX_PIXELS) {
            throw new SlideException(path, "its header says " + d.width() + "x" + d.height() + " pixels, more than the " + MAX_PIXELS
                    + " a plain image can have here; convert it to a pyramidal tiled TIFF (vips tiffsave --tile --pyramid)");
        }
    }

    /**
     * Refuses to decode an image whose pixels would take more than half the Java heap: a decoded image beside the
     * rest of the pipeline, deterministic unlike free memory. Both decoders (ImageIO, libjpeg-turbo) ask first;
     * libjpeg-turbo's pixels are native memory, outside the heap, but the heap's size still bounds what one image
     * may take, as extraction's budget of slides in flight assumes.
     */
    static void checkDecodable(Path path, Dimensions expected) throws SlideException {
        checkHoldable(path, expected);
        long needed = 3 * expected.width() * expected.height();
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap / 2) {
            throw new SlideException(path, "decoding its " + expected.width() + "x" + expected.height() + " pixels needs " + (needed >> 20)
                    + " MB, more than half the Java heap (" + (heap >> 20) + " MB); give Tessera more (TESSERA_HEAP) or convert the "
                    + "image to a pyramidal tiled TIFF (vips tiffsave --tile --pyramid)");
        }
    }

    /** Decodes the first image of the file with ImageIO and checks it has the size its header announced. */
    static DecodedImage decode(Path path, Dimensions expected) throws SlideException {
        checkDecodable(path, expected);
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new SlideException(path, "cannot decode the image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new SlideException(path, "no ImageIO reader recognises its content");
        }
        if (image.getWidth() != expected.width() || image.getHeight() != expected.height()) {
            throw new SlideException(path, "decoded image is " + image.getWidth() + "x" + image.getHeight()
                    + " but its header says " + expected.width() + "x" + expected.height());
        }
        return of(image);
    }

    /**
     * Takes over {@code lease}, which holds B, G, R bytes (row-major, no padding) never written again; closing the
     * image ends the lease.
     */
    static DecodedImage ofBgr(int width, int height, PixelMemory.Lease lease) {
        if ((long) width * height * 3 != lease.segment().byteSize()) {
            throw new IllegalArgumentException(lease.segment().byteSize() + " bytes are not " + width + "x" + height + " BGR pixels");
        }
        return new DecodedImage(width, height, lease.segment(), new int[0], lease);
    }

    static DecodedImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster raster = image.getRaster();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (untranslated && image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * w
                && Arrays.equals(sm.getBandOffsets(), new int[] {2, 1, 0})
                && raster.getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1 && bytes.getOffset() == 0) {
            return new DecodedImage(w, h, MemorySegment.ofArray(bytes.getData()), new int[0], null);
        }
        if (untranslated && image.getType() == BufferedImage.TYPE_INT_RGB
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm && sm.getScanlineStride() == w
                && raster.getDataBuffer() instanceof DataBufferInt ints && ints.getOffset() == 0) {
            return new DecodedImage(w, h, MemorySegment.NULL, ints.getData(), null);
        }
        BufferedImage converted = Argb.newRgb(w, h);
        Graphics2D g = converted.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return new DecodedImage(w, h, MemorySegment.NULL, Argb.pixels(converted), null);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Copies the {@code w x h} region at {@code (x, y)} into {@code dest} (0xRRGGBB, row-major), filling the
     * part outside the image with {@code background}.
     *
     * @throws IllegalStateException when the image is (being) closed
     */
    void copyTo(long x, long y, int[] dest, int w, int h, int background) {
        long x0 = Math.max(x, 0);
        long x1 = Math.min(x + w, width);
        long y0 = Math.max(y, 0);
        long y1 = Math.min(y + h, height);
        if (x0 > x || y0 > y || x1 < x + w || y1 < y + h) {
            Arrays.fill(dest, background);
        }
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int n = (int) (x1 - x0);
        byte[] row = rgb.length > 0 ? null : new byte[3 * n];
        for (long sy = y0; sy < y1; sy++) {
            int d = (int) ((sy - y) * w + (x0 - x));
            if (row != null) {
                MemorySegment.copy(bgr, JAVA_BYTE, (sy * width + x0) * 3, row, 0, row.length);
                for (int i = 0, s = 0; i < n; i++, s += 3) {
                    dest[d + i] = (row[s + 2] & 0xFF) << 16 | (row[s + 1] & 0xFF) << 8 | (row[s] & 0xFF);
                }
            } else {
                System.arraycopy(rgb, (int) (sy * width + x0), dest, d, n);
            }
        }
    }

    /**
     * Adds each column's blue, green and red over rows {@code [r0, r1)} to {@code sums[3c]}, {@code sums[3c + 1]}
     * and {@code sums[3c + 2]} ({@code sums.length == 3 * width}): the first step of a box-average thumbnail.
     *
     * @throws IllegalStateException when the image is (being) closed
     */
    void addColumnSums(int r0, int r1, int[] sums) {
        if (r0 < 0 || r1 > height || r0 > r1 || sums.length != 3 * width) {
            throw new IllegalArgumentException("rows " + r0 + ".." + r1 + " of " + height + ", " + sums.length + " sums for "
                    + width + " columns");
        }
        if (rgb.length > 0) {
            Thumbnails.addColumnSums(rgb, width, r0, r1, sums);
        } else {
            addByteSums(r0, r1, sums);
        }
    }

    /**
     * {@link #addColumnSums} of the BGR bytes, eight at a time: each row's bytes read as little-endian longs, whose
     * even and odd bytes are added into four 16-bit lanes of two longs (a byte sum per lane, which 256 rows cannot
     * overflow), spread into {@code sums} every 256 rows and at the end. Four times faster than byte by byte (which
     * the JIT compiles to slow vector code here), and the same integer sums.
     */
    private void addByteSums(int r0, int r1, int[] sums) {
        int n = sums.length;
        int words = n / 8;
        long[] even = new long[words];
        long[] odd = new long[words];
        for (int r = r0; r < r1; r++) {
            long row = (long) r * n;
            for (int k = 0; k < words; k++) {
                long v = bgr.get(LONG_LE, row + 8L * k);
                even[k] += v & EVEN_BYTES;
                odd[k] += (v >>> 8) & EVEN_BYTES;
            }
            for (int i = 8 * words; i < n; i++) {
                sums[i] += bgr.get(JAVA_BYTE, row + i) & 0xFF;
            }
            if ((r - r0) % 256 == 255 || r == r1 - 1) {
                for (int k = 0; k < words; k++) {
                    for (int lane = 0; lane < 4; lane++) {
                        sums[8 * k + 2 * lane] += (int) (even[k] >>> (16 * lane)) & 0xFFFF;
                        sums[8 * k + 2 * lane + 1] += (int) (odd[k] >>> (16 * lane)) & 0xFFFF;
                    }
                }
                Arrays.fill(even, 0);
                Arrays.fill(odd, 0);
            }
        }
    }

    /** Gives native pixels back (a no-op for Java arrays); later reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (release != null) {
            release.clean();
        }
    }
}
