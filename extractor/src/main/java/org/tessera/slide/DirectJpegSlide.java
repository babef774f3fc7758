package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A JPEG-tiled TIFF or Aperio SVS slide whose regions are painted from its stored tiles, decoded with
 * libjpeg-turbo, instead of through OpenSlide's {@code read_region}: about four times less CPU per tile.
 *
 * <p>It wraps the {@link OpenSlideSlide} of the same file, which keeps answering everything else (levels,
 * properties, fingerprint, associated images) and every read the direct path cannot reproduce exactly: a
 * level-0 position that falls between pixels of a reduced level (OpenSlide then resamples) and a region that
 * touches a missing (zero-length) tile (OpenSlide paints those from another level). Pixels outside a level,
 * including the padding of its right and bottom edge tiles, are the slide's background colour, as OpenSlide's
 * transparent pixels composited by {@link Slide#readRegion}.
 *
 * <p>{@link #wrap} only returns a direct slide for OpenSlide's {@code aperio} and {@code generic-tiff} vendors
 * whose every level maps to a directory of JPEG tiles (3 samples, contiguous, RGB or YCbCr), and only after a
 * few regions (level 0: a tile aligned, a patch across four tiles, the bottom-right edge tile; every other level:
 * its top-left corner) came out byte for byte as OpenSlide's; a mismatch keeps the slide on OpenSlide and says so once.
 *
 * <p>Decoded tiles are kept in a bounded per-slide {@link TileCache}, so a 224 px patch spanning four stored
 * tiles, and its neighbours, decode each tile once. Reads are thread-safe: the TIFF file is read with positional
 * reads, each thread has its own decompressor and the cache is locked only around its map operations.
 */
public final class DirectJpegSlide implements Slide {

    static final String READER = "direct-jpeg";
    private static final Set<String> VENDORS = Set.of("aperio", "generic-tiff");

    private final OpenSlideSlide openSlide;
    private final TiffFile tiff;
    private final List<TiffDirectory> levels;
    private final TileCache cache;
    private final AtomicLong decodes = new AtomicLong();
    private final AtomicLong delegated = new AtomicLong();
    private volatile boolean closed;

    private DirectJpegSlide(OpenSlideSlide openSlide, TiffFile tiff, List<TiffDirectory> levels, long cacheBytes) {
        this.openSlide = openSlide;
        this.tiff = tiff;
        this.levels = List.copyOf(levels);
        TiffDirectory first = levels.getFirst();
        this.cache = new TileCache(cacheBytes, (long) first.tileWidth() * first.tileLength());
    }

    /**
     * The direct reader over {@code slide} when it applies and agrees with OpenSlide, else {@code slide} itself.
     * A disagreement or a TIFF directory the parser rejects is reported through {@code say} (one line); after a
     * disagreement the slide is read through a new OpenSlide handle.
     */
    static Slide wrap(OpenSlideSlide slide, Consumer<String> say) {
        return wrap(slide, say, TileCache.DEFAULT_BYTES);
    }

    /** As {@link #wrap(OpenSlideSlide, Consumer)}, with a cache of decoded tiles of {@code cacheBytes}. */
    static Slide wrap(OpenSlideSlide slide, Consumer<String> say, long cacheBytes) {
        if (!TurboJpegNative.available() || !VENDORS.contains(slide.vendor())) {
            return slide;
        }
        TiffFile tiff;
        try {
            tiff = TiffFile.open(slide.path());
        } catch (SlideException e) {
            say.accept(e.getMessage() + "; reading it through OpenSlide");
            return slide;
        }
        List<TiffDirectory> levels = levels(slide, tiff);
        if (levels.isEmpty()) {
            tiff.close();
            return slide;
        }
        String mismatch = new DirectJpegSlide(slide, tiff, levels, cacheBytes).firstMismatch();
        if (mismatch.isEmpty()) {
            return new DirectJpegSlide(slide, tiff, levels, cacheBytes); // an empty cache: reads start as they would have
        }
        tiff.close();
        say.accept(slide.path() + ": the direct JPEG tile reader does not match OpenSlide (" + mismatch
                + "); reading it through OpenSlide");
        return reopened(slide);
    }

    /**
     * A fresh handle on the same file: an OpenSlide error during the check (a damaged tile) is sticky and would
     * fail every later read of the handle, also of the slide's undamaged parts.
     */
    private static Slide reopened(OpenSlideSlide slide) {
        try {
            OpenSlideSlide fresh = OpenSlideSlide.open(slide.path(), slide.mpp());
            slide.close();
            return fresh;
        } catch (SlideException e) {
            return slide;
        }
    }

    /**
     * The TIFF directory of each OpenSlide level: the one tiled directory of the level's size, with JPEG tiles;
     * empty when some level has none, or more than one (ambiguous).
     */
    private static List<TiffDirectory> levels(OpenSlideSlide slide, TiffFile tiff) {
        List<TiffDirectory> out = new ArrayList<>();
        for (int level = 0; level < slide.levelCount(); level++) {
            Dimensions d = slide.levelDimensions(level);
            List<TiffDirectory> matches = tiff.directories().stream()
                    .filter(dir -> dir.tiled() && dir.width() == d.width() && dir.length() == d.height()).toList();
            if (matches.size() != 1 || !matches.getFirst().directReaderProblem().isEmpty()) {
                return List.of();
            }
            out.add(matches.getFirst());
        }
        return out;
    }

    /** The first verification region whose pixels differ from OpenSlide's, described; "" when all agree. */
    private String firstMismatch() {
        TiffDirectory l0 = levels.getFirst();
        long tw = l0.tileWidth();
        long th = l0.tileLength();
        long cx = l0.tilesAcross() / 2;
        long cy = l0.tilesDown() / 2;
        List<long[]> regions = new ArrayList<>(List.of(
                new long[] {cx * tw, cy * th, 0, tw, th},
                new long[] {cx * tw + tw / 2 + 3, cy * th + th / 2 + 5, 0, 224, 224},
                new long[] {(l0.tilesAcross() - 1) * tw, (l0.tilesDown() - 1) * th, 0, tw + 16, th + 16}));
        for (int level = 1; level < levels.size(); level++) {
            Dimensions d = openSlide.levelDimensions(level);
            regions.add(new long[] {0, 0, level, Math.min(d.width(), 512), Math.min(d.height(), 512)});
        }
        for (long[] r : regions) {
            String where = "region x=" + r[0] + " y=" + r[1] + " level=" + r[2] + " " + r[3] + "x" + r[4];
            try {
                int[] expected = Argb.pixels(openSlide.readRegion(r[0], r[1], (int) r[2], (int) r[3], (int) r[4]));
                int[] actual = Argb.pixels(readRegion(r[0], r[1], (int) r[2], (int) r[3], (int) r[4]));
                int i = Arrays.mismatch(expected, actual);
                if (i >= 0) {
                    return where + ": pixel (" + i % r[3] + ", " + i / r[3] + ") is " + String.format("%06X", actual[i])
                            + ", OpenSlide gives " + String.format("%06X", expected[i]);
                }
            } catch (SlideException | RuntimeException e) {
                return where + ": " + e.getMessage();
            }
        }
        return "";
    }

    @Override
    public BufferedImage readRegion(long x, long y, int level, int w, int h) throws SlideException {
        if (closed) {
            throw new IllegalStateException(path() + ": slide is closed");
        }
        double downsample = openSlide.levelDownsample(level); // checks the level
        Slides.checkRegionSize(path(), w, h);
        double lx = x / downsample;
        double ly = y / downsample;
        if (lx == Math.rint(lx) && ly == Math.rint(ly)) {
            BufferedImage image = Argb.newRgb(w, h);
            if (paint(Argb.pixels(image), (long) lx, (long) ly, level, w, h)) {
                return image;
            }
        }
        delegated.incrementAndGet();
        return openSlide.readRegion(x, y, level, w, h);
    }

    /** Paints a region at level coordinates; false when it touches a missing tile (OpenSlide must paint it). */
    private boolean paint(int[] dest, long lx, long ly, int level, int w, int h) throws SlideException {
        TiffDirectory dir = levels.get(level);
        Arrays.fill(dest, openSlide.background());
        long x0 = Math.max(lx, 0);
        long y0 = Math.max(ly, 0);
        long x1 = Math.min(lx + w, dir.width());
        long y1 = Math.min(ly + h, dir.length());
        int tw = dir.tileWidth();
        int th = dir.tileLength();
        for (long row = y0 / th; y0 < y1 && row <= (y1 - 1) / th; row++) {
            for (long col = x0 / tw; x0 < x1 && col <= (x1 - 1) / tw; col++) {
                int[] tile = tile(level, dir, (int) col, (int) row);
                if (tile == null) {
                    return false;
                }
                long tx = col * tw;
                long ty = row * th;
                long cx0 = Math.max(x0, tx);
                int n = (int) (Math.min(x1, tx + tw) - cx0);
                for (long sy = Math.max(y0, ty); sy < Math.min(y1, ty + th); sy++) {
                    System.arraycopy(tile, (int) ((sy - ty) * tw + (cx0 - tx)), dest, (int) ((sy - ly) * w + (cx0 - lx)), n);
                }
            }
        }
        return true;
    }

    /** A decoded tile from the cache or the file; null for a missing (zero-length) tile. */
    private int[] tile(int level, TiffDirectory dir, int col, int row) throws SlideException {
        int index = row * dir.tilesAcross() + col;
        int[] cached = cache.get(level, index);
        if (cached != null) {
            return cached;
        }
        if (dir.tileByteCounts()[index] == 0) {
            return null;
        }
        String what = "level " + level + " tile (" + col + ", " + row + ") (TIFF directory " + dir.index() + ", "
                + dir.tileByteCounts()[index] + " bytes at offset " + dir.tileOffsets()[index] + ")";
        byte[] stream;
        try {
            stream = JpegStreams.tile(dir.jpegTables(), tiff.tileBytes(dir, index, what),
                    dir.photometric() == TiffDirectory.PHOTOMETRIC_RGB);
        } catch (IllegalArgumentException e) {
            throw new SlideException(path(), what + ": " + e.getMessage(), e);
        }
        int[] pixels = new int[dir.tileWidth() * dir.tileLength()];
        TurboJpegNative.decodeRgbInts(path(), what, stream, stream.length, pixels, dir.tileWidth(), dir.tileLength());
        decodes.incrementAndGet();
        cache.put(level, index, pixels);
        return pixels;
    }

    /** Tiles decoded so far (cache misses that decoded). */
    long tilesDecoded() {
        return decodes.get();
    }

    /** Reads handed to OpenSlide (sub-pixel positions on reduced levels, missing tiles). */
    long readsDelegated() {
        return delegated.get();
    }

    @Override
    public String reader() {
        return READER;
    }

    @Override
    public Path path() {
        return openSlide.path();
    }

    @Override
    public String vendor() {
        return openSlide.vendor();
    }

    @Override
    public int levelCount() {
        return openSlide.levelCount();
    }

    @Override
    public Dimensions levelDimensions(int level) {
        return openSlide.levelDimensions(level);
    }

    @Override
    public double levelDownsample(int level) {
        return openSlide.levelDownsample(level);
    }

    @Override
    public OptionalDouble mpp() {
        return openSlide.mpp();
    }

    @Override
    public OptionalDouble objectivePower() {
        return openSlide.objectivePower();
    }

    @Override
    public Map<String, String> properties() {
        return openSlide.properties();
    }

    @Override
    public String fingerprint() {
        return openSlide.fingerprint();
    }

    @Override
    public Set<String> associatedImageNames() {
        return openSlide.associatedImageNames();
    }

    @Override
    public BufferedImage associatedImage(String name) throws IOException {
        return openSlide.associatedImage(name);
    }

    /** Closes the TIFF file and the OpenSlide handle. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            tiff.close();
        } finally {
            openSlide.close();
        }
    }

    @Override
    public String toString() {
        return "DirectJpegSlide[" + path() + ", " + vendor() + "]";
    }
}
