package org.tessera.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tessera.backbone.ColourFeatures;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.SlideImporter;
import org.tessera.extract.TileSelection;
import org.tessera.regions.RegionImport;
import org.tessera.regions.SlideLookup;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.TilingSpec;
import org.tessera.tma.TmaDearray;

/**
 * The demo's region examples, written under {@code <store>/examples/}: the HER2ST section C3's demo annotation
 * file imported (the section's tile grids get their coverage), and the composed TMA added as a slide, de-arrayed
 * with a core map (patient TMA-P02 has two cores, A2 and D5), and its core tiles embedded with the colour baseline
 * (tiles of 32 px at the TMA's 4 um/px, only those 'TMA core' covers).
 */
public final class RegionExamples {
    /** The composed TMA's slide name and the tiling its cores are embedded with. */
    public static final String TMA_NAME = "demo-tma";
    public static final TilingSpec TMA_TILING = TilingSpec.of(32, TmaComposer.MPP);

    /** The annotation example's file and import, and the quarters' spot counts. */
    public record Annotations(Path file, RegionImport.Outcome imported, int topSpots, int bottomSpots) {
    }

    /** The TMA example's files, de-arraying and extraction. */
    public record Tma(Path png, Path coreMap, TmaDearray.Outcome dearrayed, ExtractionReport extraction) {
    }

    private RegionExamples() {
    }

    /** Writes and imports the C3 annotation example; the section's image is added as a slide if missing. */
    public static Annotations annotations(FeatureStore store, Path shared, double her2stMpp) throws IOException, SQLException {
        SlideRecord c3 = slide(store, shared.resolve("her2st/images/" + Her2stAnnotationExample.SECTION + ".jpg"),
                Her2stAnnotationExample.SECTION, her2stMpp, "HER2ST-C", "HER2ST");
        Path file = store.root().resolve("examples/" + Her2stAnnotationExample.SECTION + "-demo-annotations.geojson");
        int[] quarters = Her2stAnnotationExample.write(shared, c3.mpp(), c3.width(), c3.height(), file);
        return new Annotations(file, RegionImport.geoJson(store, file, c3.slideId()), quarters[0], quarters[1]);
    }

    /** Composes (once), adds, de-arrays and extracts the TMA example. */
    public static Tma tma(FeatureStore store, Path shared) throws IOException, SQLException, InterruptedException {
        Path dir = store.root().resolve("examples");
        Path png = dir.resolve(TMA_NAME + ".png");
        Path map = dir.resolve(TMA_NAME + "-core-map.csv");
        if (!Files.exists(png)) {
            TmaComposer.Composed composed = TmaComposer.write(shared, png);
            StringBuilder csv = new StringBuilder("core,patient\n");
            int n = 0;
            for (String label : composed.centres().keySet()) {
                csv.append(label).append(',').append(label.equals("D5") ? "TMA-P02" : String.format("TMA-P%02d", ++n)).append('\n');
            }
            Files.writeString(map, csv);
        }
        SlideRecord slide = slide(store, png, TMA_NAME, TmaComposer.MPP, null, "DEMO-TMA");
        TmaDearray.Outcome dearrayed = TmaDearray.run(store, slide.slideId(), new TmaDearray.Options(OptionalInt.of(TmaComposer.ROWS),
                OptionalInt.of(TmaComposer.COLS), OptionalDouble.empty(), Optional.of(map),
                Optional.of(store.previewsDir().resolve(TMA_NAME + "-dearray.png"))));
        ExtractionReport report = new Extractor(store, ExtractionOptions.defaults(ColourFeatures.NAME).withTiling(TMA_TILING))
                .select(new TileSelection(Optional.of(TmaDearray.CORE_CLASS), 0.5, 0))
                .run(store.slides().select("SELECT slide_id FROM slides WHERE slide_id = '" + slide.slideId() + "'"), p -> { });
        return new Tma(png, map, dearrayed, report);
    }

    private static SlideRecord slide(FeatureStore store, Path image, String name, double mpp, String patient, String cohort)
            throws IOException, SQLException {
        SlideImporter.Report added = SlideImporter.add(store, List.of(new SlideImporter.Entry(image, OptionalDouble.of(mpp),
                Optional.ofNullable(patient), Optional.of(cohort))));
        if (!added.failures().isEmpty()) {
            throw new IOException(image + ": " + added.failures().get(0).error());
        }
        return SlideLookup.find(store, name, image.toString());
    }
}
