package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tessera.backbone.DeviceChoice;
import org.tessera.bundle.Bundle;
import org.tessera.score.OutputFormat;
import org.tessera.score.ScoreOptions;
import org.tessera.score.ScoreReport;
import org.tessera.score.Scorer;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "score", description = {
    "Apply a model bundle to slides of the store: slide-level predictions per gene.",
    "",
    "The store's backbone of the bundle's name must have the bundle's weights (sha256) and preprocessing;",
    "otherwise scoring is refused. Slides not yet embedded under the bundle's backbone, tiling and stain",
    "are embedded first (every tile once; slides already embedded cost no inference), unless --no-extract,",
    "which refuses them instead. Predictions go to the store's table 'predictions' (keyed by the bundle id,",
    "the sha256 of its bundle.json) and, with --out, to a Parquet or CSV file: slide_id, patient_id, gene,",
    "predicted. Slides that could not be scored are listed at the end (exit code 1)."})
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle directory (with bundle.json).")
    Path bundle;

    @Option(names = "--slides", paramLabel = "SQL", defaultValue = "SELECT slide_id FROM slides",
            description = "Query returning the slide ids to score (default: all).")
    String slidesQuery;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write this run's predictions to FILE (replaced atomically).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "parquet or csv (default: csv when FILE ends in .csv, else parquet).")
    String format;

    @Option(names = "--no-extract", description = "Refuse slides without embeddings under the bundle's tiling instead of embedding them.")
    boolean noExtract;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu, for slides that need embedding (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--batch-size", defaultValue = "16", description = "Tiles per backbone call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScoreOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Bundle b = Bundle.read(bundle);
        try (FeatureStore s = FeatureStore.open(store.store)) {
            ProgressBar bar = new ProgressBar(err);
            ScoreReport r = Scorer.score(s, b, slidesQuery, options, bar);
            bar.finish();
            out.printf("bundle %s (%s, %s, %d genes)%n", r.bundleId(), b.kind().label(), b.backbone().name(), r.genes());
            out.printf("%d slides selected, %d scored, %d embedded now (%d tiles), %d not scored; %d predictions in %.1f s%n",
                    r.slidesSelected(), r.slidesScored(), r.slidesExtracted(), r.tilesEmbedded(), r.unscored().size(),
                    r.predictionRows(), r.seconds());
            if (r.out().isPresent()) {
                out.printf("wrote %s%n", r.out().get());
            }
            out.printf("query: SELECT * FROM predictions WHERE bundle_id = '%s'%n", r.bundleId());
            out.flush();
            if (r.complete()) {
                return 0;
            }
            err.printf("%d slides not scored:%n", r.unscored().size());
            for (ScoreReport.Unscored u : r.unscored()) {
                err.printf("  %s: %s%n", u.path(), u.reason());
            }
            err.flush();
            return 1;
        }
    }

    ScoreOptions options() {
        DeviceChoice d;
        try {
            d = DeviceChoice.valueOf(device.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--device must be auto, cpu or gpu, got " + device);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be 1..4096, got " + batchSize);
        }
        ScoreOptions options = ScoreOptions.defaults().withExtractMissing(!noExtract).withDevice(d);
        options = new ScoreOptions(options.extractMissing(), options.device(), batchSize, options.out(), options.format());
        if (out == null) {
            if (format != null) {
                throw new ParameterException(spec.commandLine(), "--format needs --out FILE");
            }
            return options;
        }
        OutputFormat f;
        try {
            f = format != null ? OutputFormat.parse(format)
                    : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? OutputFormat.CSV : OutputFormat.PARQUET;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format must be parquet or csv, got " + format);
        }
        return options.withOut(out, f);
    }
}
