package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.tessera.store.FeatureStore;
import org.tessera.tma.GridFitter;
import org.tessera.tma.TmaDearray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "tma", description = "Tissue microarrays.", subcommands = {TmaCommand.Dearray.class})
final class TmaCommand {

    @Command(mixinStandardHelpOptions = true, name = "dearray", description = {
        "Find the cores of a tissue microarray slide, fit its grid and label the cores.",
        "",
        "Cores are the connected pieces of the tissue mask (found on a 2048 px thumbnail) of a core's size:",
        "within a factor 4 of --core-um's area, or of the median piece when not given; smaller pieces are",
        "debris. A grid is fitted to their centres (rotation, pitch and shear by least squares), so a slide",
        "scanned a few degrees off square and cores pushed off their place still label right. Labels are a",
        "row letter from the top and a column number from the left (A1, A2, ..., B1, ...). Missing cores",
        "(grid positions without tissue) and extra cores (off the grid) are listed.",
        "",
        "--core-map assigns patients: a CSV/TSV with a header naming a label column (core, label or position)",
        "and a patient column (patient, patient_id or case), as TMA makers ship it. A core the map names but",
        "the slide lacks is reported and the exit code is 1. A patient may have several cores.",
        "",
        "Results: the table tma_cores, each core as an annotation of class 'TMA core' (so tessera extract",
        "--region 'TMA core' embeds only core tiles), and the feature set tma_cores (one unit per core, pooled",
        "per patient). A preview PNG shows the fitted grid and the labels.",
        "",
        "Examples:",
        "  tessera tma dearray TMA-01 --rows 6 --cols 8 --core-map TMA-01-map.csv",
        "  tessera train aggregate --features tma_cores --param backbone=mobilenet_v2_imagenet"})
    static final class Dearray implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "SLIDE", description = "The slide: its slide_id or name.")
        String slide;

        @Option(names = "--rows", description = "Rows of the array (default: as many as the cores span).")
        Integer rows;

        @Option(names = "--cols", description = "Columns of the array (default: as many as the cores span).")
        Integer cols;

        @Option(names = "--core-um", paramLabel = "UM", description = "Core diameter in micrometres (default: from the median tissue piece).")
        Double coreUm;

        @Option(names = "--core-map", paramLabel = "CSV", description = "Core label to patient.")
        Path coreMap;

        @Option(names = "--preview", paramLabel = "PNG", description = "Where to write the preview (default: <store>/previews/<slide>-tma.png).")
        Path preview;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (FeatureStore s = FeatureStore.open(store.store)) {
                Path png = preview != null ? preview : s.previewsDir().resolve(slide.replaceAll("[^A-Za-z0-9._-]", "_") + "-tma.png");
                TmaDearray.Outcome o = TmaDearray.run(s, slide, new TmaDearray.Options(
                        rows == null ? OptionalInt.empty() : OptionalInt.of(rows), cols == null ? OptionalInt.empty() : OptionalInt.of(cols),
                        coreUm == null ? OptionalDouble.empty() : OptionalDouble.of(coreUm), Optional.ofNullable(coreMap), Optional.of(png)));
                GridFitter.Result r = o.result();
                out.printf("%s (%s): %d x %d grid, rotation %.2f degrees, pitch %.0f x %.0f um%n", o.slide().name(), o.slide().slideId(),
                        r.grid().rows(), r.grid().cols(), r.grid().rotationDegrees(), r.grid().colPitch() * o.slide().mpp(),
                        r.grid().rowPitch() * o.slide().mpp());
                out.printf("cores: %d placed, %d missing%s, %d extra; %d debris pieces ignored%n", r.placed().size(), r.missing().size(),
                        r.missing().isEmpty() ? "" : " " + r.missing().stream().map(GridFitter.Missing::label).toList(), r.extra().size()
                                + o.found().oversized().size(), o.found().debris());
                r.notes().forEach(n -> out.println("note: " + n));
                if (coreMap != null) {
                    out.printf("patients: %d cores of %d patients%n", o.patients().size(), o.patients().values().stream().distinct().count());
                    if (!o.unmapped().isEmpty()) {
                        out.println("cores not in the core map: " + o.unmapped());
                    }
                }
                out.println("preview: " + png);
                o.mapProblems().forEach(m -> spec.commandLine().getErr().println("core map: " + m));
                return o.mapProblems().isEmpty() ? 0 : 1;
            }
        }
    }
}
