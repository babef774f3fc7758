package org.tessera.maps;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;
import org.tessera.files.AtomicFiles;

/** Writes map files atomically: a temporary file beside the target, then a move, so no one sees half a picture. */
public final class Png {
    private Png() {
    }

    /** Writes {@code image} as PNG to {@code target}. */
    public static void write(BufferedImage image, Path target) throws IOException {
        atomically(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(target + ": no PNG writer available");
            }
        });
    }

    /** What writes a file's bytes. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code writer} on a new hidden file beside {@code target} (ordinary permissions, unlike
     * {@code Files.createTempFile}'s owner-only), then moves it over {@code target} atomically.
     */
    static void atomically(Path target, Writer writer) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
        });
    }
}
