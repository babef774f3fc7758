package org.tessera.tma;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.tessera.regions.Annotation;
import org.tessera.regions.RegionImport;
import org.tessera.regions.SlideLookup;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Thumbnail;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;

/**
 * De-arrays a tissue microarray slide in the store: finds the cores on the tissue mask, fits the grid, labels the
 * cores, assigns patients from a core map, and stores the result: {@code tma_cores} (placed, missing and extra
 * cores) and each placed core as an annotation of class {@value #CORE_CLASS} (a disc of the core's area, named
 * for its patient), whose tile coverage then feeds {@code extract --region} and feature sets. Running it again
 * replaces the slide's cores. A core map naming a core that is not there is reported, never ignored.
 */
public final class TmaDearray {
    /** The annotation class of TMA cores. */
    public static final String CORE_CLASS = "TMA core";
    /** Annotation source of the cores, replaced by each run. */
    public static final String SOURCE = "tma-dearray";
    /** Thumbnail side for finding cores: a 1 mm core on a 20 mm slide is about 100 pixels across. */
    static final int THUMBNAIL_SIDE = 2048;

    /** What to look for: grid size when known, core diameter when known, the core map when given. */
    public record Options(OptionalInt rows, OptionalInt cols, OptionalDouble coreDiameterUm, Optional<Path> coreMap,
            Optional<Path> preview) {
        public Options {
            if (rows.isPresent() && rows.getAsInt() < 1 || cols.isPresent() && cols.getAsInt() < 1) {
                throw new IllegalArgumentException("rows and columns must be at least 1");
            }
            if (coreDiameterUm.isPresent() && !(coreDiameterUm.getAsDouble() > 0)) {
                throw new IllegalArgumentException("core diameter must be positive, got " + coreDiameterUm.getAsDouble());
            }
        }
    }

    /** The de-arraying and the core map's problems (absent cores, cores off the grid) and unmapped cores. */
    public record Outcome(SlideRecord slide, GridFitter.Result result, CoreFinder.Found found, Map<String, String> patients,
            List<String> mapProblems, List<String> unmapped, Optional<Path> preview) {
        public Outcome {
            patients = Map.copyOf(patients);
            mapProblems = List.copyOf(mapProblems);
            unmapped = List.copyOf(unmapped);
        }
    }

    private TmaDearray() {
    }

    public static Outcome run(FeatureStore store, String slide, Options options) throws IOException, SQLException {
        SlideRecord record = SlideLookup.find(store, slide, "tma dearray");
        Map<String, String> map = options.coreMap().isPresent() ? CoreMap.read(options.coreMap().get()) : Map.of();
        Thumbnail thumb;
        try (Slide s = Slides.open(Path.of(record.path()),
                record.mppSource().equals("user") ? OptionalDouble.of(record.mpp()) : OptionalDouble.empty())) {
            thumb = Thumbnail.read(s, THUMBNAIL_SIDE);
        }
        TissueMask mask = new TissueDetector().detect(thumb.image(), thumb.downsample());
        double expected = options.coreDiameterUm().isPresent()
                ? Math.PI * Math.pow(options.coreDiameterUm().getAsDouble() / 2 / record.mpp(), 2) : 0;
        CoreFinder.Found found = CoreFinder.find(mask, expected);
        if (found.cores().size() < 4) {
            throw new IOException(record.path() + ": found " + found.cores().size() + " core-sized tissue pieces ("
                    + found.oversized().size() + " larger, " + found.debris() + " smaller): not a tissue microarray, or give "
                    + "--core-um");
        }
        GridFitter.Result result = GridFitter.fit(found.cores(), options.rows(), options.cols());
        Map<String, String> patients = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        assignPatients(map, result, patients, problems, unmapped, options.coreMap());
        store.inTransaction(c -> TmaCoreTable.replace(c, record.slideId(), result, patients));
        RegionImport.store(store, record, SOURCE, "tma", fingerprint(result),
                annotations(result, patients, record), List.of());
        if (options.preview().isPresent()) {
            TmaPreview.write(options.preview().get(), thumb.image(), thumb.downsample(), result);
        }
        return new Outcome(record, result, found, patients, problems, unmapped, options.preview());
    }

    private static void assignPatients(Map<String, String> map, GridFitter.Result result, Map<String, String> patients,
            List<String> problems, List<String> unmapped, Optional<Path> file) {
        if (map.isEmpty()) {
            return;
        }
        Map<String, GridFitter.Placed> placed = new LinkedHashMap<>();
        result.placed().forEach(p -> placed.put(p.label(), p));
        List<String> missing = result.missing().stream().map(GridFitter.Missing::label).toList();
        map.forEach((label, patient) -> {
            if (placed.containsKey(label)) {
                patients.put(label, patient);
            } else if (missing.contains(label)) {
                problems.add(file.orElseThrow() + ": core " + label + " (patient " + patient + ") is in the core map but no core "
                        + "was found at that position");
            } else {
                problems.add(file.orElseThrow() + ": core " + label + " (patient " + patient + ") is not on the fitted "
                        + result.grid().rows() + " x " + result.grid().cols() + " grid");
            }
        });
        placed.keySet().stream().filter(l -> !map.containsKey(l)).forEach(unmapped::add);
    }

    /** The sha256 of the placed cores' labels and centres, recorded as the annotation set's content hash. */
    private static String fingerprint(GridFitter.Result result) {
        StringBuilder s = new StringBuilder();
        result.placed().forEach(p -> s.append(p.label()).append(' ').append(p.core().x()).append(' ').append(p.core().y()).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Each placed core as a disc of its area around its centre, clipped to the slide. */
    private static List<Annotation> annotations(GridFitter.Result result, Map<String, String> patients, SlideRecord slide) {
        GeometryFactory factory = new GeometryFactory();
        Geometry bounds = factory.toGeometry(new Envelope(0, slide.width(), 0, slide.height()));
        List<Annotation> out = new ArrayList<>();
        for (GridFitter.Placed p : result.placed()) {
            GeometricShapeFactory disc = new GeometricShapeFactory(factory);
            disc.setCentre(new org.locationtech.jts.geom.Coordinate(p.core().x(), p.core().y()));
            disc.setSize(2 * p.core().radius());
            disc.setNumPoints(64);
            Geometry g = disc.createCircle().intersection(bounds);
            if (g.getArea() > 0) {
                out.add(new Annotation(p.label(), CORE_CLASS, Optional.ofNullable(patients.get(p.label())), g));
            }
        }
        return out;
    }
}
