package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A whole-slide image read through the system OpenSlide library (Aperio SVS including JPEG 2000, Hamamatsu,
 * Leica, MIRAX, Philips, Sakura, Ventana, generic tiled TIFF).
 *
 * <p>Metadata (levels, properties, associated image sizes) is read once at open and kept in Java; only pixel
 * reads go to the native handle. OpenSlide allows concurrent reads on one handle, so reads share the read
 * half of a {@link ReentrantReadWriteLock}; {@link #close()} takes the write half, so it waits for reads in
 * flight and later reads fail with {@link IllegalStateException} instead of touching a freed handle. A
 * {@link Cleaner} closes a forgotten handle when the object becomes unreachable, as a backstop only.
 */
public final class OpenSlideSlide implements Slide {

    /** Largest region one call may read (pixels), so that a bad size fails clearly instead of exhausting memory. */
    public static final long MAX_REGION_PIXELS = 1L << 28;

    private static final Cleaner CLEANER = Cleaner.create();

    private final Path path;
    private final MemorySegment osr;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock
    private final Metadata metadata;
    private final OptionalDouble mpp;

    /** What OpenSlide tells about a slide at open; immutable. */
    private record Metadata(String vendor, List<Dimensions> levels, double[] downsamples, Map<String, String> properties,
            Map<String, Dimensions> associated, int background, OptionalDouble mpp, OptionalDouble objectivePower,
            String fingerprint) {
    }

    private OpenSlideSlide(Path path, MemorySegment osr, Metadata metadata, OptionalDouble mpp) {
        this.path = path;
        this.osr = osr;
        this.metadata = metadata;
        this.mpp = mpp;
        // The action captures only the handle, never this object, so the slide can become unreachable.
        this.cleanable = CLEANER.register(this, () -> OpenSlideNative.close(osr));
    }

    /**
     * Opens a slide with OpenSlide.
     *
     * @param mppOverride micrometres per level-0 pixel replacing the file's {@code openslide.mpp-x}, when given
     * @throws SlideException when the file is missing, OpenSlide is not installed, does not recognise the file
     *         or reports an error while reading its metadata
     */
    public static OpenSlideSlide open(Path path, OptionalDouble mppOverride) throws SlideException {
        Objects.requireNonNull(path, "path");
        Slides.checkOverride(mppOverride);
        if (!Files.isRegularFile(path)) {
            throw new SlideException(path, "no such file");
        }
        OpenSlideNative.require(path);
        MemorySegment osr = OpenSlideNative.open(path)
                .orElseThrow(() -> new SlideException(path, "OpenSlide does not recognise its content as a slide"));
        try {
            checkError(path, osr, "cannot open it");
            Metadata metadata = readMetadata(path, osr);
            return new OpenSlideSlide(path, osr, metadata, mppOverride.isPresent() ? mppOverride : metadata.mpp());
        } catch (SlideException | RuntimeException e) {
            OpenSlideNative.close(osr);
            throw e;
        }
    }

    private static Metadata readMetadata(Path path, MemorySegment osr) throws SlideException {
        String vendor = OpenSlideNative.detectVendor(path)
                .orElseThrow(() -> new SlideException(path, "OpenSlide opened it but detects no vendor"));
        int levelCount = OpenSlideNative.levelCount(osr);
        checkError(path, osr, "cannot read its levels");
        if (levelCount < 1) {
            throw new SlideException(path, "OpenSlide reports " + levelCount + " levels");
        }
        List<Dimensions> levels = new ArrayList<>();
        double[] downsamples = new double[levelCount];
        for (int level = 0; level < levelCount; level++) {
            long[] wh = OpenSlideNative.levelDimensions(osr, level);
            downsamples[level] = OpenSlideNative.levelDownsample(osr, level);
            checkError(path, osr, "cannot read the size of level " + level);
            if (wh[0] <= 0 || wh[1] <= 0 || !(downsamples[level] >= 1)) {
                throw new SlideException(path, "level " + level + " has size " + wh[0] + "x" + wh[1]
                        + " and downsample " + downsamples[level]);
            }
            levels.add(new Dimensions(wh[0], wh[1]));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : OpenSlideNative.propertyNames(osr)) {
            properties.put(name, OpenSlideNative.propertyValue(osr, name).orElse(""));
        }
        Map<String, Dimensions> associated = new LinkedHashMap<>();
        for (String name : OpenSlideNative.associatedImageNames(osr)) {
            long[] wh = OpenSlideNative.associatedImageDimensions(osr, name);
            checkError(path, osr, "cannot read the size of associated image '" + name + "'");
            if (wh[0] > 0 && wh[1] > 0) {
                associated.put(name, new Dimensions(wh[0], wh[1]));
            }
        }
        checkError(path, osr, "cannot read its properties");
        int background = Optional.ofNullable(properties.get("openslide.background-color"))
                .map(Argb::parseBackground).orElse(Argb.WHITE);
        String quickhash = Optional.ofNullable(properties.get("openslide.quickhash-1"))
                .orElseThrow(() -> new SlideException(path, "OpenSlide gives no openslide.quickhash-1 to fingerprint it"));
        return new Metadata(vendor, List.copyOf(levels), downsamples, Map.copyOf(properties), Map.copyOf(associated),
                background, positiveProperty(path, properties, "openslide.mpp-x"),
                positiveProperty(path, properties, "openslide.objective-power"), "quickhash1:" + quickhash);
    }

    private static OptionalDouble positiveProperty(Path path, Map<String, String> properties, String name)
            throws SlideException {
        String text = properties.get(name);
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value > 0 && Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException e) {
            throw new SlideException(path, "property " + name + " is not a number: '" + text + "'", e);
        }
        throw new SlideException(path, "property " + name + " must be positive, got '" + text + "'");
    }

    private static void checkError(Path path, MemorySegment osr, String what) throws SlideException {
        Optional<String> error = OpenSlideNative.error(osr);
        if (error.isPresent()) {
            throw new SlideException(path, what + ": OpenSlide error: " + error.get());
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String reader() {
        return "openslide";
    }

    /** The background colour (0xRRGGBB) transparent pixels are composited over. */
    int background() {
        return metadata.background();
    }

    @Override
    public String vendor() {
        return metadata.vendor();
    }

    @Override
    public int levelCount() {
        return metadata.levels().size();
    }

    @Override
    public Dimensions levelDimensions(int level) {
        checkLevel(level);
        return metadata.levels().get(level);
    }

    @Override
    public double levelDownsample(int level) {
        checkLevel(level);
        return metadata.downsamples()[level];
    }

    @Override
    public OptionalDouble mpp() {
        return mpp;
    }

    @Override
    public OptionalDouble objectivePower() {
        return metadata.objectivePower();
    }

    @Override
    public Map<String, String> properties() {
        return metadata.properties();
    }

    @Override
    public String fingerprint() {
        return metadata.fingerprint();
    }

    @Override
    public Set<String> associatedImageNames() {
        return metadata.associated().keySet();
    }

    /** Size of an associated image, without reading it. */
    public Dimensions associatedImageDimensions(String name) throws SlideException {
        Dimensions d = metadata.associated().get(name);
        if (d == null) {
            throw new SlideException(path, "no associated image '" + name + "'; it has " + associatedImageNames());
        }
        return d;
    }

    @Override
    public BufferedImage associatedImage(String name) throws SlideException {
        Dimensions d = associatedImageDimensions(name);
        Slides.checkRegionSize(path, d.width(), d.height());
        BufferedImage image = Argb.newRgb((int) d.width(), (int) d.height());
        int[] pixels = Argb.pixels(image);
        withReadLock(() -> {
            OpenSlideNative.readAssociatedImage(osr, name, pixels);
            checkError(path, osr, "cannot read associated image '" + name + "'");
        });
        Argb.compositeInPlace(pixels, metadata.background());
        return image;
    }

    @Override
    public BufferedImage readRegion(long x, long y, int level, int w, int h) throws SlideException {
        checkLevel(level);
        Slides.checkRegionSize(path, w, h);
        BufferedImage image = Argb.newRgb(w, h);
        int[] pixels = Argb.pixels(image);
        withReadLock(() -> {
            OpenSlideNative.readRegion(osr, pixels, x, y, level, w, h);
            checkError(path, osr, "cannot read region x=" + x + " y=" + y + " level=" + level + " " + w + "x" + h);
        });
        Argb.compositeInPlace(pixels, metadata.background());
        return image;
    }

    /** Closes the native handle. Idempotent; waits for reads in progress. */
    @Override
    public void close() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (!closed) {
                closed = true;
                cleanable.clean();
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public String toString() {
        return "OpenSlideSlide[" + path + ", " + metadata.vendor() + "]";
    }

    /** A native read that may report an OpenSlide error. */
    private interface NativeRead {
        void run() throws SlideException;
    }

    private void withReadLock(NativeRead read) throws SlideException {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            if (closed) {
                throw new IllegalStateException(path + ": slide is closed");
            }
            read.run();
        } finally {
            shared.unlock();
            // Keep this object (and so its Cleaner) from being collected while the native call runs.
            Reference.reachabilityFence(this);
        }
    }

    private void checkLevel(int level) {
        if (level < 0 || level >= levelCount()) {
            throw new IllegalArgumentException(path + ": level " + level + " out of range 0.." + (levelCount() - 1));
        }
    }
}
