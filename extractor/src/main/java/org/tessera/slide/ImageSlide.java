package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A plain raster image (JPEG, PNG, single-level TIFF, anything ImageIO reads) seen as a one-level slide, for
 * data sets such as HER2ST whose H&E images are ordinary 9272x9923 JPEGs.
 *
 * <p>Opening reads only the header (dimensions) and hashes the file, which is all {@code slides add} needs;
 * the pixels are decoded once, on the first read, into a compact RGB image ({@link DecodedImage}) that is
 * never modified afterwards, so concurrent reads need no lock; closing the slide gives its memory back. Plain images carry no trustworthy pixel size,
 * so {@link #mpp()} is only the user's override; the fingerprint is the SHA-256 of the file's bytes. A YCbCr
 * JPEG is decoded with libjpeg-turbo when it is installed ({@link JpegImages}: the same pixels, faster).
 */
public final class ImageSlide implements Slide {

    private final Path path;
    private final String vendor;
    private final Dimensions dimensions;
    private final OptionalDouble mpp;
    private final String fingerprint;
    /** Whether libjpeg-turbo decodes the pixels rather than ImageIO (see {@link JpegImages}). */
    private final boolean turbo;
    private final Object decodeLock = new Object();
    private volatile DecodedImage decoded; // guarded by decodeLock for writes
    private volatile boolean closed;

    private ImageSlide(Path path, String vendor, Dimensions dimensions, OptionalDouble mpp, String fingerprint, boolean turbo) {
        this.path = path;
        this.turbo = turbo;
        this.vendor = vendor;
        this.dimensions = dimensions;
        this.mpp = mpp;
        this.fingerprint = fingerprint;
    }

    /** Whether some ImageIO reader recognises the file's content (its magic bytes, not its name). */
    public static boolean recognises(Path path) throws SlideException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                throw new SlideException(path, "ImageIO cannot open it for reading");
            }
            return ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            throw new SlideException(path, "cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an image as a one-level slide, reading only its header.
     *
     * @param mppOverride micrometres per pixel; without it {@link #mpp()} is empty
     * @throws SlideException when the file is missing, no ImageIO reader recognises it, or its header is unreadable
     */
    public static ImageSlide open(Path path, OptionalDouble mppOverride) throws SlideException {
        Objects.requireNonNull(path, "path");
        Slides.checkOverride(mppOverride);
        if (!Files.isRegularFile(path)) {
            throw new SlideException(path, "no such file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = readerFor(path, in);
            try {
                reader.setInput(in, true, true);
                Dimensions dimensions = new Dimensions(reader.getWidth(0), reader.getHeight(0));
                DecodedImage.checkHoldable(path, dimensions);
                String[] mimeTypes = reader.getOriginatingProvider().getMIMETypes();
                String vendor = mimeTypes != null && mimeTypes.length > 0 ? mimeTypes[0] : reader.getFormatName();
                boolean turbo = vendor.equals("image/jpeg") && JpegImages.turboDecodes(path);
                return new ImageSlide(path, vendor, dimensions, mppOverride, "sha256:" + sha256(path), turbo);
            } finally {
                reader.dispose();
            }
        } catch (SlideException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SlideException(path, "cannot read its image header (truncated or damaged file?): " + e.getMessage(), e);
        }
    }

    private static ImageReader readerFor(Path path, ImageInputStream in) throws SlideException {
        if (in == null) {
            throw new SlideException(path, "ImageIO cannot open it for reading");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new SlideException(path, "no ImageIO reader recognises its content");
        }
        return readers.next();
    }

    private static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public Path path() {
        return path;
    }

    /** The MIME type of the detected format ("image/jpeg", "image/png", "image/tiff", ...). */
    @Override
    public String vendor() {
        return vendor;
    }

    /** "turbojpeg" for a JPEG libjpeg-turbo decodes, "imageio" otherwise. */
    @Override
    public String reader() {
        return turbo ? "turbojpeg" : "imageio";
    }

    @Override
    public int levelCount() {
        return 1;
    }

    @Override
    public Dimensions levelDimensions(int level) {
        checkLevel(level);
        return dimensions;
    }

    @Override
    public double levelDownsample(int level) {
        checkLevel(level);
        return 1.0;
    }

    @Override
    public OptionalDouble mpp() {
        return mpp;
    }

    @Override
    public OptionalDouble objectivePower() {
        return OptionalDouble.empty();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("tessera.image-format", vendor);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public BufferedImage associatedImage(String name) throws SlideException {
        throw new SlideException(path, "a plain image has no associated images (asked for '" + name + "')");
    }

    /** Reads a region; the first call decodes the whole image. Parts outside the image are white. */
    @Override
    public BufferedImage readRegion(long x, long y, int level, int w, int h) throws SlideException {
        checkLevel(level);
        Slides.checkRegionSize(path, w, h);
        BufferedImage out = Argb.newRgb(w, h);
        DecodedImage image = decodedImage();
        try {
            image.copyTo(x, y, Argb.pixels(out), w, h, Argb.WHITE);
        } catch (IllegalStateException e) {
            throw closedWhileReading(e);
        }
        return out;
    }

    /** The box average of the decoded pixels (as {@link Slide#thumbnail}, without strips of ints in between). */
    @Override
    public BufferedImage thumbnail(int maxSide) throws SlideException {
        Thumbnails.checkSide(maxSide);
        DecodedImage image = decodedImage();
        try {
            return Thumbnails.of(image, maxSide);
        } catch (IllegalStateException e) {
            throw closedWhileReading(e);
        }
    }

    /**
     * Gives back the decoded pixels (native memory for libjpeg-turbo's); later reads, and reads still running on
     * other threads, throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        synchronized (decodeLock) {
            closed = true;
            if (decoded != null) {
                decoded.close();
                decoded = null;
            }
        }
    }

    @Override
    public String toString() {
        return "ImageSlide[" + path + ", " + vendor + "]";
    }

    private DecodedImage decodedImage() throws SlideException {
        DecodedImage image = decoded;
        if (image == null || closed) {
            synchronized (decodeLock) {
                if (closed) {
                    throw new IllegalStateException(path + ": slide is closed");
                }
                image = decoded;
                if (image == null) {
                    image = turbo ? JpegImages.decode(path, dimensions) : DecodedImage.decode(path, dimensions);
                    decoded = image;
                }
            }
        }
        return image;
    }

    /** The pixels' memory is gone under a read: say so, naming the file, when the slide was closed meanwhile. */
    private IllegalStateException closedWhileReading(IllegalStateException e) {
        return closed ? new IllegalStateException(path + ": slide closed while reading", e) : e;
    }

    private void checkLevel(int level) {
        if (level != 0) {
            throw new IllegalArgumentException(path + ": level " + level + " out of range 0..0 (a plain image has one level)");
        }
    }
}
