package org.tessera.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.store.SlideCatalogue;
import org.tessera.store.SlideRecord;
import org.tessera.text.DelimitedLine;

/**
 * Adds slides to a store's catalogue: opens each file (which proves it is a readable slide), reads its
 * geometry, pixel size and content fingerprint, and registers it. A file that fails is reported and the
 * rest are still added. Folders are searched (not recursively) for files with slide or image extensions.
 */
public final class SlideImporter {
    /** File endings picked up when a folder is given; single files are tried whatever their name. */
    static final List<String> EXTENSIONS = List.of(".svs", ".tif", ".tiff", ".ndpi", ".vms", ".vmu", ".scn", ".mrxs",
            ".svslide", ".bif", ".jpg", ".jpeg", ".png");

    private SlideImporter() {
    }

    /** Where a slide comes from and what the user says about it. */
    public record Entry(Path path, OptionalDouble mpp, Optional<String> patient, Optional<String> cohort) {
    }

    /** The outcome: slides added or recognised, and files refused with the reason. */
    public record Report(List<SlideCatalogue.Registration> added, List<ExtractionReport.Failure> failures) {
    }

    /** Expands folders into their slide files, keeping the entry's metadata. */
    public static List<Entry> expand(List<Entry> entries) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (Files.isDirectory(e.path())) {
                try (Stream<Path> files = Files.list(e.path())) {
                    files.filter(Files::isRegularFile).filter(SlideImporter::hasSlideExtension).sorted()
                            .forEach(p -> out.add(new Entry(p, e.mpp(), e.patient(), e.cohort())));
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean hasSlideExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    public static Report add(FeatureStore store, List<Entry> entries) throws IOException {
        List<SlideCatalogue.Registration> added = new ArrayList<>();
        List<ExtractionReport.Failure> failures = new ArrayList<>();
        for (Entry e : expand(entries)) {
            try {
                added.add(store.slides().register(describe(e)));
            } catch (IOException | IllegalArgumentException ex) {
                failures.add(new ExtractionReport.Failure(e.path().toString(), ex.getMessage()));
            } catch (SQLException ex) {
                failures.add(new ExtractionReport.Failure(e.path().toString(), "store: " + ex.getMessage()));
            }
        }
        return new Report(added, failures);
    }

    /** Opens the slide and builds its catalogue record; patient defaults to the TCGA barcode in the name. */
    static SlideRecord describe(Entry e) throws IOException {
        Path path = e.path().toAbsolutePath().normalize();
        try (Slide slide = Slides.open(path, e.mpp())) {
            double mpp = slide.requireMpp();
            String file = path.getFileName().toString();
            String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            Optional<String> patient = e.patient().isPresent() ? e.patient() : Ids.tcgaPatient(name);
            var dims = slide.levelDimensions(0);
            Optional<Double> power = slide.objectivePower().isPresent()
                    ? Optional.of(slide.objectivePower().getAsDouble()) : Optional.empty();
            return new SlideRecord(Ids.slideId(slide.fingerprint()), slide.fingerprint(), name, path.toString(),
                    slide.vendor(), mpp, e.mpp().isPresent() ? "user" : "file", power, dims.width(), dims.height(),
                    slide.levelCount(), patient, e.cohort(), Files.size(path));
        }
    }

    /**
     * Reads a manifest CSV with a header naming at least {@code slide}, and optionally {@code patient},
     * {@code cohort} and {@code mpp}. Slide paths are relative to the manifest's folder.
     */
    public static List<Entry> manifest(Path csv, OptionalDouble defaultMpp, Optional<String> defaultCohort) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IOException(csv + ": empty manifest; expected a header 'slide,patient,cohort'");
        }
        List<String> header = cells(lines.get(0).toLowerCase(java.util.Locale.ROOT));
        int slide = header.indexOf("slide");
        if (slide < 0) {
            throw new IOException(csv + ": the manifest's header has no 'slide' column (found " + header + ")");
        }
        int patient = header.indexOf("patient");
        int cohort = header.indexOf("cohort");
        int mpp = header.indexOf("mpp");
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = cells(lines.get(i)).toArray(String[]::new);
            if (f.length != header.size()) {
                throw new IOException(csv + ": line " + (i + 1) + " has " + f.length + " fields, the header has " + header.size());
            }
            Path p = csv.toAbsolutePath().getParent().resolve(f[slide].strip());
            OptionalDouble m = defaultMpp;
            if (mpp >= 0 && !f[mpp].isBlank()) {
                try {
                    m = OptionalDouble.of(Double.parseDouble(f[mpp]));
                } catch (NumberFormatException ex) {
                    throw new IOException(csv + ": line " + (i + 1) + ": mpp '" + f[mpp] + "' is not a number", ex);
                }
            }
            out.add(new Entry(p, m, field(f, patient), cohort >= 0 && !f[cohort].isBlank() ? field(f, cohort) : defaultCohort));
        }
        return out;
    }

    /** A manifest line's cells, stripped; quoted cells may hold commas (file names). */
    private static List<String> cells(String line) {
        return DelimitedLine.split(line, ',').stream().map(String::strip).toList();
    }

    private static Optional<String> field(String[] f, int i) {
        return i >= 0 && !f[i].isBlank() ? Optional.of(f[i].strip()) : Optional.empty();
    }
}
