package org.tessera.slide;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every binding to the system OpenSlide C library ({@code libopenslide.so.0}, API 3.4) in one place, so that
 * the rest of the package never touches {@code java.lang.foreign}.
 *
 * <p>Method handles are constants of a nested holder that is initialised only once the library is known to
 * be loadable: a machine without OpenSlide can still open plain images, and asking for OpenSlide there gives
 * a {@link SlideException} that says {@code apt-get install libopenslide0}. Each call that needs memory
 * (strings, out-parameters, pixel buffers) uses its own confined arena; the callers check
 * {@link #error(MemorySegment)} after every call that can fail. The library handle lives in the global arena
 * for the life of the class.
 */
@SuppressWarnings("restricted") // the whole point of this class; run with --enable-native-access
final class OpenSlideNative {

    static final String LIBRARY = "libopenslide.so.0";
    static final String INSTALL_HINT = "the OpenSlide library " + LIBRARY
            + " is not installed (on Debian/Ubuntu: apt-get install libopenslide0)";

    /** Longest C string we accept from OpenSlide (property values include whole TIFF descriptions). */
    private static final long MAX_STRING = 1L << 24;

    private static final NativeLibrary LOADED = NativeLibrary.load(LIBRARY, INSTALL_HINT);

    private OpenSlideNative() {
    }

    /** Method handles; touching this class loads them, so only do it after {@link #require}. */
    private static final class H {
        static final MethodHandle DETECT_VENDOR = handle("openslide_detect_vendor", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle OPEN = handle("openslide_open", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle CLOSE = handle("openslide_close", FunctionDescriptor.ofVoid(ADDRESS));
        static final MethodHandle GET_ERROR = handle("openslide_get_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle LEVEL_COUNT = handle("openslide_get_level_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle LEVEL_DIMENSIONS = handle("openslide_get_level_dimensions",
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle LEVEL_DOWNSAMPLE = handle("openslide_get_level_downsample",
                FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_INT));
        static final MethodHandle PROPERTY_NAMES = handle("openslide_get_property_names", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle PROPERTY_VALUE = handle("openslide_get_property_value",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle ASSOCIATED_NAMES = handle("openslide_get_associated_image_names",
                FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle ASSOCIATED_DIMENSIONS = handle("openslide_get_associated_image_dimensions",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle READ_ASSOCIATED = handle("openslide_read_associated_image",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle READ_REGION = handle("openslide_read_region",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));

        private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
            return LOADED.downcall(name, descriptor, "OpenSlide 3.4 or later is required");
        }
    }

    /** Whether the library could be loaded on this machine. */
    static boolean available() {
        return LOADED.available();
    }

    /** Throws a {@link SlideException} naming {@code path} when the library is missing. */
    static void require(Path path) throws SlideException {
        if (!available()) {
            throw new SlideException(path, LOADED.problem());
        }
    }

    /** OpenSlide's vendor name for the file, or empty when OpenSlide does not recognise it. */
    static Optional<String> detectVendor(Path path) throws SlideException {
        require(path);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vendor = (MemorySegment) H.DETECT_VENDOR.invokeExact(arena.allocateFrom(path.toString()));
            return string(vendor);
        } catch (Throwable t) {
            throw rethrow(path, "openslide_detect_vendor", t);
        }
    }

    /** Opens the file; empty when OpenSlide does not recognise it. The caller must check {@link #error}. */
    static Optional<MemorySegment> open(Path path) throws SlideException {
        require(path);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment osr = (MemorySegment) H.OPEN.invokeExact(arena.allocateFrom(path.toString()));
            return osr.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(osr);
        } catch (Throwable t) {
            throw rethrow(path, "openslide_open", t);
        }
    }

    static void close(MemorySegment osr) {
        try {
            H.CLOSE.invokeExact(osr);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_close failed", t);
        }
    }

    /** The handle's sticky error, if any. Once set, every later call on the handle fails. */
    static Optional<String> error(MemorySegment osr) {
        try {
            return string((MemorySegment) H.GET_ERROR.invokeExact(osr));
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_error failed", t);
        }
    }

    static int levelCount(MemorySegment osr) {
        try {
            return (int) H.LEVEL_COUNT.invokeExact(osr);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_level_count failed", t);
        }
    }

    /** Width and height of a level; {@code {-1, -1}} on error. */
    static long[] levelDimensions(MemorySegment osr, int level) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment w = arena.allocate(JAVA_LONG);
            MemorySegment h = arena.allocate(JAVA_LONG);
            H.LEVEL_DIMENSIONS.invokeExact(osr, level, w, h);
            return new long[] {w.get(JAVA_LONG, 0), h.get(JAVA_LONG, 0)};
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_level_dimensions failed", t);
        }
    }

    static double levelDownsample(MemorySegment osr, int level) {
        try {
            return (double) H.LEVEL_DOWNSAMPLE.invokeExact(osr, level);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_level_downsample failed", t);
        }
    }

    static List<String> propertyNames(MemorySegment osr) {
        try {
            return stringArray((MemorySegment) H.PROPERTY_NAMES.invokeExact(osr));
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_property_names failed", t);
        }
    }

    static Optional<String> propertyValue(MemorySegment osr, String name) {
        try (Arena arena = Arena.ofConfined()) {
            return string((MemorySegment) H.PROPERTY_VALUE.invokeExact(osr, arena.allocateFrom(name)));
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_property_value failed", t);
        }
    }

    static List<String> associatedImageNames(MemorySegment osr) {
        try {
            return stringArray((MemorySegment) H.ASSOCIATED_NAMES.invokeExact(osr));
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_associated_image_names failed", t);
        }
    }

    /** Width and height of an associated image; {@code {-1, -1}} on error or unknown name. */
    static long[] associatedImageDimensions(MemorySegment osr, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment w = arena.allocate(JAVA_LONG);
            MemorySegment h = arena.allocate(JAVA_LONG);
            H.ASSOCIATED_DIMENSIONS.invokeExact(osr, arena.allocateFrom(name), w, h);
            return new long[] {w.get(JAVA_LONG, 0), h.get(JAVA_LONG, 0)};
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_associated_image_dimensions failed", t);
        }
    }

    /**
     * Reads an associated image's premultiplied ARGB pixels into {@code dest} (length = width x height).
     * The caller checks {@link #error} afterwards.
     */
    static void readAssociatedImage(MemorySegment osr, String name, int[] dest) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(JAVA_INT, dest.length);
            H.READ_ASSOCIATED.invokeExact(osr, arena.allocateFrom(name), buffer);
            MemorySegment.copy(buffer, JAVA_INT, 0, dest, 0, dest.length);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_read_associated_image failed", t);
        }
    }

    /**
     * Reads a region's premultiplied ARGB pixels (native-endian uint32, so {@code 0xAARRGGBB} as a Java int)
     * into {@code dest} (length = w x h). The caller checks {@link #error} afterwards.
     */
    static void readRegion(MemorySegment osr, int[] dest, long x, long y, int level, int w, int h) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(JAVA_INT, dest.length);
            H.READ_REGION.invokeExact(osr, buffer, x, y, level, (long) w, (long) h);
            MemorySegment.copy(buffer, JAVA_INT, 0, dest, 0, dest.length);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_read_region failed", t);
        }
    }

    private static Optional<String> string(MemorySegment cString) {
        if (cString.equals(MemorySegment.NULL)) {
            return Optional.empty();
        }
        return Optional.of(cString.reinterpret(MAX_STRING).getString(0));
    }

    /** A NULL-terminated array of C strings (OpenSlide owns it; we copy the strings out). */
    private static List<String> stringArray(MemorySegment array) {
        if (array.equals(MemorySegment.NULL)) {
            return List.of();
        }
        MemorySegment pointers = array.reinterpret(MAX_STRING);
        List<String> out = new ArrayList<>();
        for (long i = 0; ; i++) {
            MemorySegment s = pointers.getAtIndex(ADDRESS, i);
            if (s.equals(MemorySegment.NULL)) {
                return List.copyOf(out);
            }
            out.add(s.reinterpret(MAX_STRING).getString(0));
        }
    }

    private static SlideException rethrow(Path path, String call, Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return new SlideException(path, call + " failed: " + t, t);
    }
}
