package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test pyramids made by the {@code vips} command (Debian libvips-tools, installed by run-tests) from a crop of a
 * HER2ST section, so that the direct reader meets TIFFs written by a tool other than a scanner.
 */
final class Vips {
    private Vips() {
    }

    /**
     * A tiled pyramidal TIFF of the {@code w x h} crop at {@code (left, top)} of {@code source}.
     *
     * @param options extra tiffsave options, e.g. "--compression", "jpeg", "--bigtiff"
     */
    static Path pyramid(Path source, Path dir, String name, int left, int top, int w, int h, String... options)
            throws IOException, InterruptedException {
        Path crop = dir.resolve(name + "-crop.v");
        run("vips", "extract_area", source.toString(), crop.toString(), "" + left, "" + top, "" + w, "" + h);
        Path out = dir.resolve(name + ".tif");
        List<String> save = new ArrayList<>(List.of("vips", "tiffsave", crop.toString(), out.toString(), "--tile", "--pyramid"));
        save.addAll(List.of(options));
        run(save.toArray(String[]::new));
        return out;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed: " + output);
    }
}
