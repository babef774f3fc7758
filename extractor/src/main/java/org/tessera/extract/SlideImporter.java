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
import org.tessera.text.TextTable;

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
     * {@code cohort} and {@code mpp} (any case). Slide paths are relative to the manifest's folder. The file is
     * read as every user table ({@link TextTable}: quoted names with commas, comments, byte-order mark).
     */
    public static List<Entry> manifest(Path csv, OptionalDouble defaultMpp, Optional<String> defaultCohort) throws IOException {
        TextTable table = TextTable.read(csv, ',');
        List<String> header = table.header().stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
        int slide = header.indexOf("slide");
        if (slide < 0) {
            throw new IOException(csv + ": the manifest's header has no 'slide' column (found " + header + "); expected 'slide,patient,cohort'");
        }
        int patient = header.indexOf("patient");
        int cohort = header.indexOf("cohort");
        int mpp = header.indexOf("mpp");
        List<Entry> out = new ArrayList<>();
        for (TextTable.Row row : table.rows()) {
            String[] f = row.cells().toArray(String[]::new);
            if (f[slide].isBlank()) {
                throw new IOException(csv + ": line " + row.line() + " has no slide path");
            }
            Path p = csv.toAbsolutePath().getParent().resolve(f[slide]);
            OptionalDouble m = defaultMpp;
            if (mpp >= 0 && !TextTable.isMissing(f[mpp])) {
                try {
                    m = OptionalDouble.of(Double.parseDouble(f[mpp]));
                } catch (NumberFormatException ex) {
                    throw new IOException(csv + ": line " + row.line() + ": mpp '" + f[mpp] + "' is not a number", ex);
                }
                if (!(m.getAsDouble() > 0 && Double.isFinite(m.getAsDouble()))) {
                    throw new IOException(csv + ": line " + row.line() + ": mpp " + f[mpp] + " must be a positive number");
                }
            }
            out.add(new Entry(p, m, field(f, patient), cohort >= 0 && !f[cohort].isBlank() ? field(f, cohort) : defaultCohort));
        }
        return out;
    }

    private static Optional<String> field(String[] f, int i) {
        return i >= 0 && !f[i].isBlank() ? Optional.of(f[i].strip()) : Optional.empty();
    }
}
