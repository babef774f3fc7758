package org.tessera.slide;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whole plain JPEG images decoded with libjpeg-turbo instead of ImageIO, about three times faster, for the
 * JPEGs whose pixels both decoders give identically.
 *
 * <p>ImageIO's JPEG reader is the IJG libjpeg 6b inside the JDK, with the accurate integer IDCT and fancy
 * upsampling, as {@link TurboJpegNative} asks of libjpeg-turbo; on 3-component YCbCr JPEGs without an embedded
 * ICC profile the two agree byte for byte (the HER2ST sections are checked in the tests). Anything else (grey,
 * CMYK, Adobe RGB, an ICC profile that ImageIO would convert through, a file libjpeg-turbo cannot parse) stays
 * with ImageIO.
 */
final class JpegImages {

    /** Largest JPEG file read into memory for libjpeg-turbo (bigger ones go to ImageIO, which streams). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private JpegImages() {
    }

    /** Whether libjpeg-turbo may decode this file in ImageIO's place (see the class comment). */
    static boolean turboDecodes(Path path) throws SlideException {
        if (!TurboJpegNative.available()) {
            return false;
        }
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                return false;
            }
            byte[] jpeg = Files.readAllBytes(path);
            if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || hasIccProfile(jpeg)) {
                return false;
            }
            TurboJpegNative.Header header = TurboJpegNative.header(path, "the image", jpeg, jpeg.length);
            return header.colorspace() == TurboJpegNative.TJCS_YCBCR
                    && (long) header.width() * header.height() <= TurboJpegNative.MAX_PIXELS;
        } catch (SlideException e) {
            return false; // ImageIO will say what is wrong with it, if anything
        } catch (IOException e) {
            throw new SlideException(path, "cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the whole image with libjpeg-turbo, from the file's bytes read into native memory straight into
     * native memory the image keeps (see {@link PixelMemory}), and checks it has the size its header announced.
     */
    static DecodedImage decode(Path path, Dimensions expected) throws SlideException {
        DecodedImage.checkDecodable(path, expected);
        int w = (int) expected.width();
        int h = (int) expected.height();
        PixelMemory.Lease pixels;
        try {
            pixels = PixelMemory.SHARED.lease(3L * w * h);
        } catch (OutOfMemoryError e) {
            throw new SlideException(path, "no memory left for its " + w + "x" + h + " decoded pixels (" + (3L * w * h >> 20)
                    + " MB of native memory)", e);
        }
        try (Arena arena = Arena.ofConfined(); FileChannel in = FileChannel.open(path)) {
            long size = in.size();
            if (size > MAX_FILE_BYTES) {
                throw new SlideException(path, "the file grew past " + (MAX_FILE_BYTES >> 20) + " MB since it was opened");
            }
            MemorySegment jpeg = arena.allocate(size);
            ByteBuffer buffer = jpeg.asByteBuffer();
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // reads until the buffer is full or the file ends
            }
            TurboJpegNative.decodeBgr(path, "the image", jpeg.asSlice(0, buffer.position()), pixels.segment(), w, h);
            return DecodedImage.ofBgr(w, h, pixels);
        } catch (SlideException | RuntimeException | Error e) {
            pixels.close();
            throw e;
        } catch (IOException e) {
            pixels.close();
            throw new SlideException(path, "cannot read it: " + e.getMessage(), e);
        }
    }

    /** Whether an APP2 "ICC_PROFILE" segment comes before the first scan. */
    static boolean hasIccProfile(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false; // start of scan or end of image
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            if (marker == 0xE2 && length >= 2 + ICC_PROFILE.length && at + 4 + ICC_PROFILE.length <= jpeg.length
                    && Arrays.equals(jpeg, at + 4, at + 4 + ICC_PROFILE.length, ICC_PROFILE, 0, ICC_PROFILE.length)) {
                return true;
            }
            at += 2 + length;
        }
        return false;
    }
}
