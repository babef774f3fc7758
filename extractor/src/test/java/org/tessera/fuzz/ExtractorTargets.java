package org.tessera.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.tessera.backbone.BackboneCard;
import org.tessera.regions.GeoJsonAnnotations;
import org.tessera.regions.SlideBounds;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.slide.TiffFuzzEntry;
import org.tessera.spatial.LegacyStReader;
import org.tessera.spatial.VisiumReader;
import org.tessera.testkit.fuzz.FuzzTarget;
import org.tessera.testkit.fuzz.FuzzTarget.Sample;

/**
 * The extractor's readers as fuzz targets. To add one: a {@link FuzzTarget} here (its samples and the call that
 * reads them), then a one-line {@code @FuzzTest} in {@link ExtractorFuzzTest}; the mutation run picks it up from
 * {@link #all()}.
 */
final class ExtractorTargets {
    static final FuzzTarget BACKBONE_CARD = FuzzTarget.of("backbone-card", "card.json",
            () -> BackboneCard.builtinNames().stream().map(n -> Sample.of("card.json", card(n))).toList(),
            (folder, file) -> BackboneCard.read(file));

    static final List<FuzzTarget> LEGACY_ST = FuzzTarget.each("legacy-st", List.of("counts.tsv", "selection.tsv"), SharedSlices::legacySt,
            (folder, file) -> LegacyStReader.read("s", folder.resolve("counts.tsv"), folder.resolve("selection.tsv")));

    static final List<FuzzTarget> VISIUM_MTX = FuzzTarget.each("visium-mtx", List.of("filtered_feature_bc_matrix/matrix.mtx",
            "filtered_feature_bc_matrix/features.tsv", "filtered_feature_bc_matrix/barcodes.tsv", "spatial/tissue_positions.csv",
            "spatial/scalefactors_json.json"), SharedSlices::visiumMtx, (folder, file) -> VisiumReader.read("s", folder));

    static final FuzzTarget VISIUM_H5 = FuzzTarget.of("visium-h5", "filtered_feature_bc_matrix.h5",
            () -> SharedSlices.visiumH5(Files.createTempDirectory("tessera-h5")), (folder, file) -> VisiumReader.read("s", folder));

    /** Plain images through the slide opener (OpenSlide is asked first, then ImageIO), a region read decodes them. */
    static final List<FuzzTarget> IMAGES = List.of(image("jpeg", "tile.jpg"), image("png", "tile.png"), image("tiff", "tile.tif"));

    /** A real Aperio slide whose first image directory (2 KB) is the fuzzed input: OpenSlide parses it natively. */
    static final FuzzTarget SVS_DIRECTORY = FuzzTarget.of("openslide-svs", "directory.bin", SharedSlices::svsDirectory,
            (folder, file) -> readSome(SharedSlices.svsAround(folder, file)));

    /** The same directory through Tessera's own TIFF/BigTIFF parser (the direct JPEG tile reader's), tiles read. */
    static final FuzzTarget TIFF_DIRECTORY = FuzzTarget.of("tiff-directory", "directory.bin", SharedSlices::svsDirectory,
            (folder, file) -> TiffFuzzEntry.readDirectoriesAndTiles(SharedSlices.svsAround(folder, file)));

    /** QuPath GeoJSON annotations (the shape QuPath 0.5 exports: holes, MultiPolygons, classes) on a CMU-1-sized slide. */
    static final FuzzTarget GEOJSON = FuzzTarget.of("geojson", "annotations.geojson", ExtractorTargets::geoJsonSeeds,
            (folder, file) -> GeoJsonAnnotations.read(file, new SlideBounds(2220, 2967)));

    private ExtractorTargets() {
    }

    static List<FuzzTarget> all() {
        List<FuzzTarget> out = new ArrayList<>();
        out.add(BACKBONE_CARD);
        out.addAll(LEGACY_ST);
        out.addAll(VISIUM_MTX);
        out.add(VISIUM_H5);
        out.addAll(IMAGES);
        out.add(SVS_DIRECTORY);
        out.add(TIFF_DIRECTORY);
        out.add(GEOJSON);
        return out;
    }

    static FuzzTarget named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException("no target " + name));
    }

    private static FuzzTarget image(String format, String fileName) {
        return FuzzTarget.of("image/" + format, fileName, () -> SharedSlices.images(format, fileName), (folder, file) -> readSome(file))
                .withAllocBudget(512L << 20);
    }

    /** Opens a slide and reads what extraction reads first: its levels, a region of level 0 and one of the last level. */
    private static void readSome(Path file) throws Exception {
        try (Slide s = Slides.open(file, OptionalDouble.of(0.5))) {
            s.properties();
            int last = s.levelCount() - 1;
            s.readRegion(0, 0, 0, (int) Math.min(256, s.levelDimensions(0).width()), (int) Math.min(256, s.levelDimensions(0).height()));
            s.readRegion(0, 0, last, (int) Math.min(64, s.levelDimensions(last).width()), (int) Math.min(64, s.levelDimensions(last).height()));
        }
    }

    private static byte[] card(String name) {
        try {
            return BackboneCard.builtin(name).toJson().getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The QuPath 0.5-shaped export the annotation tests import (a test resource, written by hand in QuPath's format). */
    private static List<Sample> geoJsonSeeds() throws java.io.IOException {
        try (java.io.InputStream in = ExtractorTargets.class.getResourceAsStream("/regions/qupath-0.5-cmu1.geojson")) {
            if (in == null) {
                throw new java.io.IOException("test resource regions/qupath-0.5-cmu1.geojson is missing");
            }
            return List.of(Sample.of("annotations.geojson", in.readAllBytes()));
        }
    }
}
