package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tessera.regions.RegionImport;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "annotations", description = "Annotated regions of slides (QuPath GeoJSON, label masks).",
        subcommands = {AnnotationsCommand.Import.class})
final class AnnotationsCommand {

    @Command(mixinStandardHelpOptions = true, name = "import", description = {
        "Import a slide's annotated regions and compute how much of each tile every class covers.",
        "",
        "GeoJSON: QuPath's File > Export objects as GeoJSON (a FeatureCollection, a Feature or an array of",
        "Features; Polygon and MultiPolygon with holes; level-0 pixel coordinates). The class is",
        "classification.name ('Unclassified' without one). Detections, cells, points and lines are skipped.",
        "Label mask: a grey or palette PNG at --downsample of the slide, with --classes mapping pixel values",
        "to classes; value 0 is background.",
        "",
        "Annotations go to the table annotations (geometry as WKT); every tile grid of the slide gets its",
        "covered fraction per class in tile_regions (grids made later get theirs when they are made).",
        "Importing a file of the same name again replaces its annotations and the coverage; embeddings are",
        "never touched. Shapes outside the slide, self-intersecting polygons and malformed files are refused",
        "with the file and the feature named.",
        "",
        "Use them with: tessera extract --region CLASS (embed only those tiles), or the feature set",
        "region_tiles (--param class=Tumor --param min_fraction=0.5).",
        "",
        "Examples:",
        "  tessera annotations import B4-tumour.geojson --slide B4",
        "  tessera annotations import B4-labels.png --slide B4 --downsample 16 --classes 1=Tumor,2=Stroma"})
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "FILE", description = "A .geojson/.json export from QuPath, or a label-mask .png.")
        Path file;

        @Option(names = "--slide", required = true, paramLabel = "ID", description = "The slide: its slide_id or its name (file name without extension).")
        String slide;

        @Option(names = "--downsample", paramLabel = "D", description = "Label masks: level-0 pixels per mask pixel.")
        Double downsample;

        @Option(names = "--classes", split = ",", paramLabel = "VALUE=CLASS", description = "Label masks: pixel value to class, e.g. 1=Tumor,2=Stroma.")
        Map<Integer, String> classes = new TreeMap<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            boolean mask = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
            if (mask && (downsample == null || classes.isEmpty())) {
                throw new ParameterException(spec.commandLine(), "a label mask needs --downsample and --classes");
            }
            if (!mask && (downsample != null || !classes.isEmpty())) {
                throw new ParameterException(spec.commandLine(), "--downsample and --classes are for label-mask PNGs");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (FeatureStore s = FeatureStore.open(store.store)) {
                RegionImport.Outcome o = mask ? RegionImport.labelMask(s, file, slide, downsample, classes)
                        : RegionImport.geoJson(s, file, slide);
                out.printf("%s: %d annotations for slide %s (%s): %s%n", file, o.annotationsByClass().values().stream()
                        .mapToLong(Long::longValue).sum(), o.slide().name(), o.slide().slideId(), o.annotationsByClass());
                o.skipped().forEach(k -> out.println("  skipped: " + k));
                out.printf("coverage: %d tile x class fractions over %d tile grid(s) in tile_regions%n", o.tileRegions(), o.grids());
                return 0;
            }
        }
    }
}
