package org.tessera.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a shared library by its soname ({@code libcudart.so.12}). {@link SystemLibraries} asks the dynamic loader,
 * which searches exactly where Tessera's own loading will; {@link #in(Path)} looks in one folder, for tests.
 */
public interface LibraryLookup {

    /**
     * Where the library is, or empty when it cannot be loaded.
     *
     * @return the file it was loaded from, or a note such as "loaded" when the path is not known
     */
    Optional<String> find(String soname);

    /** A lookup that finds a library when a file of that name is in {@code dir} (a fake library folder in tests). */
    static LibraryLookup in(Path dir) {
        return soname -> {
            Path p = dir.resolve(soname);
            return Files.exists(p) ? Optional.of(p.toString()) : Optional.empty();
        };
    }
}
