package org.tessera.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the bundled data folder ({@code shared/}: slides, HER2ST sections, TCGA-BRCA tables, models) that the
 * demo and the tests read in place. {@code TESSERA_SHARED} wins; otherwise a folder named {@code shared}
 * beside the working directory or beside any of its parents (so {@code ../shared} from the checkout and
 * {@code ../../shared} from a module both work). The folder is recognised by its README.md.
 */
public final class SharedData {
    public static final String ENV = "TESSERA_SHARED";

    private SharedData() {
    }

    /** The shared folder, if one can be found. */
    public static Optional<Path> locate() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /** A file or folder inside the shared folder; an exception that says how to point at it when missing. */
    public static Path require(String relative) {
        Path root = locate().orElseThrow(() -> new IllegalStateException(
                "the shared data folder was not found: set " + ENV + " or put it at ../shared beside the checkout"));
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + ": missing from the shared data folder");
        }
        return p;
    }
}
