package org.tessera.nativelib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of unpacked native bundles, one sub-folder per bundle, written once and reused by every later start.
 *
 * <p>Unpacking goes to a private {@code <name>.part-*} folder beside the final one and is then renamed into place
 * atomically. Two processes that start at once both unpack, one rename wins and the other uses the winner's
 * folder. A bundle folder counts as complete when every file exists with its expected size; an incomplete one
 * (a file deleted or truncated by hand) is replaced.
 *
 * @param root the cache folder, e.g. {@code ~/.cache/tessera}
 */
public record NativeCache(Path root) {

    /** System property that overrides the cache folder. */
    public static final String PROPERTY = "tessera.cache.dir";
    /** Environment variable that overrides the cache folder (after the system property). */
    public static final String ENV = "TESSERA_CACHE";

    public NativeCache {
        if (root == null) {
            throw new IllegalArgumentException("cache root must not be null");
        }
        root = root.toAbsolutePath().normalize();
    }

    /** Where a bundle was found or put. {@code fresh} is true when this call unpacked it. */
    public record Unpacked(Path dir, boolean fresh) {
    }

    /**
     * The cache folder for this user: the {@value #PROPERTY} system property, else {@value #ENV}, else
     * {@code $XDG_CACHE_HOME/tessera}, else {@code ~/.cache/tessera}.
     */
    public static NativeCache standard(Map<String, String> env, String propertyValue, String userHome) {
        if (propertyValue != null && !propertyValue.isBlank()) {
            return new NativeCache(Path.of(propertyValue));
        }
        String own = env.get(ENV);
        if (own != null && !own.isBlank()) {
            return new NativeCache(Path.of(own));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new NativeCache(Path.of(xdg, "tessera"));
        }
        return new NativeCache(Path.of(userHome, ".cache", "tessera"));
    }

    /** {@link #standard(Map, String, String)} for this process. */
    public static NativeCache standard() {
        return standard(System.getenv(), System.getProperty(PROPERTY), System.getProperty("user.home"));
    }

    /** The bundle's folder in this cache, whether or not it exists yet. */
    public Path dir(NativeBundle bundle) {
        return root.resolve(bundle.name());
    }

    /** Whether the bundle's folder holds every file with its expected size. */
    public boolean complete(NativeBundle bundle) {
        return complete(dir(bundle), bundle);
    }

    /**
     * The bundle's folder, unpacked first when it is missing or incomplete.
     *
     * @throws IOException when the cache folder cannot be written or a source cannot be read; the message names
     *                     the folder or the file
     */
    public Unpacked unpack(NativeBundle bundle) throws IOException {
        Path dir = dir(bundle);
        if (complete(dir, bundle)) {
            return new Unpacked(dir, false);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IOException("cannot create the native library cache " + root + ": " + e.getMessage(), e);
        }
        Path part = Files.createTempDirectory(root, bundle.name() + ".part-");
        try {
            setMode(part, "rwxr-xr-x");
            for (NativeBundle.File f : bundle.files()) {
                copy(f, part.resolve(f.fileName()));
            }
            if (!complete(part, bundle)) {
                throw new IOException("unpacking " + bundle.name() + " into " + part + " gave files of unexpected sizes");
            }
            if (Files.exists(dir)) {
                if (complete(dir, bundle)) {
                    return new Unpacked(dir, false);
                }
                deleteTree(dir);
            }
            try {
                Files.move(part, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                if (!complete(dir, bundle)) {
                    throw new IOException("cannot put " + bundle.name() + " into " + dir + ": " + raced, raced);
                }
                return new Unpacked(dir, false);
            }
            return new Unpacked(dir, true);
        } finally {
            if (Files.exists(part)) {
                deleteTree(part);
            }
        }
    }

    private static boolean complete(Path dir, NativeBundle bundle) {
        for (NativeBundle.File f : bundle.files()) {
            Path p = dir.resolve(f.fileName());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != f.size()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void copy(NativeBundle.File f, Path target) throws IOException {
        try (InputStream in = f.source().openStream()) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new IOException("cannot unpack " + f.fileName() + " from " + f.source() + " to " + target + ": " + e.getMessage(), e);
        }
        setMode(target, "rwxr-xr-x");
    }

    private static void setMode(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the default permissions are what there is
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
