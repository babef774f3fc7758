package org.tessera.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The one way Tessera puts a file or folder in place: written under a hidden temporary name beside the target
 * (same file system, ordinary permissions, unlike {@code Files.createTempFile}'s owner-only), then renamed
 * over it in one atomic step. A crash leaves either the old target or the new one, never a partial file;
 * the temporary is removed when writing fails. A file system that cannot rename atomically is an error
 * naming the target, not a silent copy.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the temporary file it is given (which does not exist yet). */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(Path tmp) throws IOException, E;
    }

    /** Writes {@code target} through {@code content}, replacing any earlier file atomically. */
    public static <E extends Exception> void write(Path target, Content<E> content) throws IOException, E {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            content.writeTo(tmp);
            move(tmp, file, true);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target}, replacing any earlier file atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Renames {@code from} (a file or a folder) to {@code to} atomically; with {@code replace} an existing file
     * at {@code to} is replaced, otherwise an existing {@code to} is a {@code FileAlreadyExistsException}
     * (checked first: on Linux an atomic rename silently replaces a file or an empty folder).
     */
    public static void move(Path from, Path to, boolean replace) throws IOException {
        if (!replace && Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(to.toString(), null, "already exists; not replaced");
        }
        CopyOption[] options = replace ? new CopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                : new CopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        try {
            Files.move(from, to, options);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(to + ": the file system cannot rename " + from.getFileName() + " into place atomically", e);
        }
    }
}
