package org.tessera.doctor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The system's dynamic loader: a library is found when {@code dlopen} of its soname succeeds (LD_LIBRARY_PATH, the
 * ldconfig cache, the default folders: where ONNX Runtime's CUDA provider and Tessera's bindings will look). The
 * library is closed again right away; the file it came from is read from {@code /proc/self/maps} while it is open.
 */
public final class SystemLibraries implements LibraryLookup {

    private static final Path MAPS = Path.of("/proc/self/maps");

    @Override
    public Optional<String> find(String soname) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(soname, arena);
            return Optional.of(mappedFile(soname).orElse("loaded"));
        } catch (IllegalArgumentException notFound) {
            return Optional.empty();
        }
    }

    /** The mapped file that best matches the soname: its name starts with the soname, else with its stem. */
    private static Optional<String> mappedFile(String soname) {
        List<String> paths;
        try {
            paths = Files.readAllLines(MAPS).stream()
                    .map(l -> l.indexOf('/') >= 0 ? l.substring(l.indexOf('/')) : "")
                    .filter(p -> !p.isEmpty())
                    .distinct()
                    .toList();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        int so = soname.indexOf(".so");
        String stem = so > 0 ? soname.substring(0, so) : soname;
        Comparator<String> exactFirst = Comparator.comparing((String p) -> !Path.of(p).getFileName().toString().startsWith(soname))
                .thenComparing(String::length);
        return paths.stream()
                .filter(p -> Path.of(p).getFileName().toString().startsWith(stem))
                .min(exactFirst);
    }
}
