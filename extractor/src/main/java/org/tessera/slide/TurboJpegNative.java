package org.tessera.slide;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Every binding to the system TurboJPEG library ({@code libturbojpeg.so.0}, libjpeg-turbo 2.1's TJ 2.x API:
 * Debian 12 has no {@code tj3*} functions) in one place, in the style of {@link OpenSlideNative}.
 *
 * <p>Method handles are constants of a nested holder initialised only once the library is known to load. The
 * short calls (a header, a tile) are critical downcalls that read and write Java arrays in place; a whole image
 * is decoded from and into native memory the caller owns. The return code of every call is
 * checked and a failure reported with {@code tjGetErrorStr2}. A warning (libjpeg's "corrupt data" kind, code
 * {@link #TJERR_WARNING}) is not a failure: libtiff, and so OpenSlide, and ImageIO all keep the pixels then.
 *
 * <p>A decompressor handle is not thread-safe, so each thread has its own ({@link ThreadLocal}); a
 * {@link Cleaner} destroys it with {@code tjDestroy} once its thread is gone, or right away after an error. This is the one native handle
 * here not closed by try-with-resources: creating one per call would cost as much as a small tile's decode.
 *
 * <p>Decoding always asks for the accurate integer IDCT ({@code TJFLAG_ACCURATEDCT}, libjpeg's {@code JDCT_ISLOW})
 * and fancy upsampling (no {@code TJFLAG_FASTUPSAMPLE}), libjpeg's defaults, which are what libtiff (through
 * OpenSlide) and ImageIO's built-in libjpeg use: the pixels come out identical (see the tests).
 */
@SuppressWarnings("restricted") // the whole point of this class; run with --enable-native-access
final class TurboJpegNative {

    static final String LIBRARY = "libturbojpeg.so.0";
    static final String INSTALL_HINT = "libturbojpeg0 is not installed: apt-get install libturbojpeg0 (the library "
            + LIBRARY + " decodes JPEG tiles and images)";

    /** {@code TJPF_BGR}: 3 bytes B, G, R per pixel. */
    static final int TJPF_BGR = 1;
    /** {@code TJPF_BGRX}: 4 bytes B, G, R, X per pixel, i.e. a little-endian {@code 0xXXRRGGBB} int. */
    static final int TJPF_BGRX = 3;
    static final int TJCS_RGB = 0;
    static final int TJCS_YCBCR = 1;
    static final int TJERR_WARNING = 0;
    private static final int TJFLAG_ACCURATEDCT = 4096;
    /** Largest decoded image accepted (pixels), as {@link OpenSlideSlide#MAX_REGION_PIXELS}. */
    static final long MAX_PIXELS = OpenSlideSlide.MAX_REGION_PIXELS;

    private static final long MAX_STRING = 1 << 16;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final NativeLibrary LOADED = NativeLibrary.load(LIBRARY, INSTALL_HINT);
    private static final ThreadLocal<Decompressor> DECOMPRESSOR = ThreadLocal.withInitial(Decompressor::create);

    private TurboJpegNative() {
    }

    /** Method handles; touching this class loads them, so only do it after {@link #available()}. */
    private static final class H {
        static final MethodHandle INIT_DECOMPRESS = handle("tjInitDecompress", FunctionDescriptor.of(ADDRESS));
        static final FunctionDescriptor DECOMPRESS_HEADER3_DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final FunctionDescriptor DECOMPRESS2_DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
        static final MethodHandle DECOMPRESS2 = handle("tjDecompress2", DECOMPRESS2_DESCRIPTOR);
        /** The same two as critical downcalls that may take heap segments (Java arrays) directly. */
        static final MethodHandle DECOMPRESS_HEADER3_HEAP = handle("tjDecompressHeader3", DECOMPRESS_HEADER3_DESCRIPTOR,
                Linker.Option.critical(true));
        static final MethodHandle DECOMPRESS2_HEAP = handle("tjDecompress2", DECOMPRESS2_DESCRIPTOR, Linker.Option.critical(true));
        static final MethodHandle GET_ERROR_STR2 = handle("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle GET_ERROR_CODE = handle("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle DESTROY = handle("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));

        private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            return LOADED.downcall(name, descriptor, "libjpeg-turbo 2.0 or later is required", options);
        }
    }

    /** Whether the library could be loaded on this machine (little-endian only: pixels are read as ints). */
    static boolean available() {
        return LOADED.available() && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    }

    /** Why the library cannot be used, or "" when it can. */
    static String problem() {
        return available() ? "" : !LOADED.available() ? LOADED.problem() : "TurboJPEG pixels are read as little-endian ints";
    }

    /** What a JPEG stream's header says. */
    record Header(int width, int height, int subsampling, int colorspace) {
    }

    /** A decompressor handle owned by one thread; destroyed by the {@link Cleaner} when that thread is gone. */
    private static final class Decompressor {
        final MemorySegment handle;
        private Cleaner.Cleanable cleanable;

        private Decompressor(MemorySegment handle) {
            this.handle = handle;
        }

        static Decompressor create() {
            MemorySegment handle;
            try {
                handle = (MemorySegment) H.INIT_DECOMPRESS.invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException("tjInitDecompress failed", t);
            }
            if (handle.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("tjInitDecompress failed: " + errorString(MemorySegment.NULL));
            }
            Decompressor d = new Decompressor(handle);
            d.cleanable = CLEANER.register(d, () -> destroy(handle)); // captures the handle only, never d
            return d;
        }
    }

    private static void destroy(MemorySegment handle) {
        try {
            int unused = (int) H.DESTROY.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("tjDestroy failed", t);
        }
    }

    /**
     * Reads the header of the JPEG stream {@code jpeg[0, length)}.
     *
     * @param what names the stream in an error ("level 0 tile (3, 4)", "the image")
     */
    static Header header(Path path, String what, byte[] jpeg, int length) throws SlideException {
        if (length < 0 || length > jpeg.length) {
            throw new IllegalArgumentException("stream length " + length + " outside an array of " + jpeg.length);
        }
        return header(path, what, MemorySegment.ofArray(jpeg).asSlice(0, length));
    }

    /** Reads the header of the JPEG stream {@code jpeg} (a Java array's or native memory). */
    static Header header(Path path, String what, MemorySegment jpeg) throws SlideException {
        MemorySegment handle = DECOMPRESSOR.get().handle;
        int[] out = new int[4];
        MemorySegment o = MemorySegment.ofArray(out);
        try {
            int rc = (int) H.DECOMPRESS_HEADER3_HEAP.invokeExact(handle, jpeg, jpeg.byteSize(), o, o.asSlice(4), o.asSlice(8),
                    o.asSlice(12));
            check(path, what, handle, rc, "tjDecompressHeader3", false);
        } catch (SlideException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("tjDecompressHeader3 failed", t);
        }
        return new Header(out[0], out[1], out[2], out[3]);
    }

    /**
     * Decodes a small stream (a tile) {@code jpeg[0, length)}, which must be {@code width x height}, into
     * {@code dest}: one {@code 0xRRGGBB} int per pixel, row-major ({@code dest.length == width * height}). The
     * pixels are written straight into the Java array (a critical downcall: no copy, no native buffer), which is
     * fine for a call of a millisecond or less; whole images use {@link #decodeBgr}.
     */
    static void decodeRgbInts(Path path, String what, byte[] jpeg, int length, int[] dest, int width, int height)
            throws SlideException {
        checkSize(dest.length, width, height);
        checkHeader(path, what, jpeg, length, width, height);
        MemorySegment handle = DECOMPRESSOR.get().handle;
        try {
            int rc = (int) H.DECOMPRESS2_HEAP.invokeExact(handle, MemorySegment.ofArray(jpeg), (long) length,
                    MemorySegment.ofArray(dest), width, width * 4, height, TJPF_BGRX, TJFLAG_ACCURATEDCT);
            check(path, what, handle, rc, "tjDecompress2", true);
        } catch (SlideException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("tjDecompress2 failed", t);
        }
        for (int i = 0; i < dest.length; i++) {
            dest[i] &= 0xFFFFFF;
        }
    }

    /**
     * Decodes {@code jpeg} (native memory), which must be {@code width x height}, into {@code dest} (native memory,
     * exactly {@code 3 * width * height} bytes): B, G, R bytes, row-major, written in place, nothing copied. A long
     * call, so not a critical one: the garbage collector may run meanwhile.
     */
    static void decodeBgr(Path path, String what, MemorySegment jpeg, MemorySegment dest, int width, int height)
            throws SlideException {
        if (!jpeg.isNative() || !dest.isNative() || dest.byteSize() % 3 != 0) {
            throw new IllegalArgumentException("decodeBgr takes native segments, the destination 3 bytes a pixel");
        }
        checkSize(dest.byteSize() / 3, width, height);
        Header header = header(path, what, jpeg);
        if (header.width() != width || header.height() != height) {
            throw sizeMismatch(path, what, header, width, height);
        }
        MemorySegment handle = DECOMPRESSOR.get().handle;
        try {
            int rc = (int) H.DECOMPRESS2.invokeExact(handle, jpeg, jpeg.byteSize(), dest, width, width * 3, height, TJPF_BGR,
                    TJFLAG_ACCURATEDCT);
            check(path, what, handle, rc, "tjDecompress2", true);
        } catch (SlideException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("tjDecompress2 failed", t);
        }
    }

    private static void checkSize(long pixels, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS || pixels != (long) width * height) {
            throw new IllegalArgumentException("bad decode size " + width + "x" + height + " for " + pixels + " pixels");
        }
    }

    /** The stream must be exactly {@code width x height}: tjDecompress2 would otherwise scale it silently. */
    private static void checkHeader(Path path, String what, byte[] jpeg, int length, int width, int height)
            throws SlideException {
        Header header = header(path, what, jpeg, length);
        if (header.width() != width || header.height() != height) {
            throw sizeMismatch(path, what, header, width, height);
        }
    }

    private static SlideException sizeMismatch(Path path, String what, Header header, int width, int height) {
        return new SlideException(path, what + ": cannot decode the JPEG data (its header gives a " + header.width() + "x"
                + header.height() + " image, expected " + width + "x" + height + ")");
    }

    /** Throws naming the file and stream when {@code rc} is an error (a warning passes when {@code warningOk}). */
    private static void check(Path path, String what, MemorySegment handle, int rc, String call, boolean warningOk)
            throws SlideException {
        if (rc == 0) {
            return;
        }
        int code;
        try {
            code = (int) H.GET_ERROR_CODE.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("tjGetErrorCode failed", t);
        }
        if (warningOk && code == TJERR_WARNING) {
            return;
        }
        String message = errorString(handle);
        discard(handle);
        throw new SlideException(path, what + ": cannot decode the JPEG data (" + call + ": " + message + ")");
    }

    /**
     * Destroys this thread's decompressor after an error; the next call creates a new one. libjpeg-turbo 2.1's
     * tjDecompressHeader3 returns from an error without aborting the decompressor, whose next use then fails on
     * good data ("two SOI markers"): a damaged tile must not spoil the tiles after it.
     */
    private static void discard(MemorySegment handle) {
        Decompressor d = DECOMPRESSOR.get();
        if (d.handle.equals(handle)) {
            DECOMPRESSOR.remove();
            d.cleanable.clean();
        }
    }

    private static String errorString(MemorySegment handle) {
        try {
            MemorySegment s = (MemorySegment) H.GET_ERROR_STR2.invokeExact(handle);
            return s.equals(MemorySegment.NULL) ? "no message" : s.reinterpret(MAX_STRING).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("tjGetErrorStr2 failed", t);
        }
    }
}
