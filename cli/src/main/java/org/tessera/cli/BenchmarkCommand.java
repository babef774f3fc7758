package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessera.backbone.BackboneCard;
import org.tessera.extract.ExtractionBenchmark;
import org.tessera.slide.DecodeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "benchmark", description = "Commands that measure Tessera against a baseline in the same run.",
        subcommands = {BenchmarkCommand.Extraction.class, BenchmarkCommand.Decode.class, BenchmarkCommand.PerGene.class, BenchmarkCommand.TileLogistic.class,
            SpotBenchmarkCommand.class, BenchmarkCommand.Merge.class, BenchmarkCommand.SharpnessCheck.class})
final class BenchmarkCommand {
    /** Progress lines to stderr, flushed one by one. */
    static java.util.function.Consumer<String> lines(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    @Command(mixinStandardHelpOptions = true, name = "sharpness", description = {
        "The tile sharpness threshold on the bundled slides: every tissue tile (224 px at 0.5 um/px) read once",
        "and timed, its sharpness (variance of the Laplacian) timed, and the same tile blurred with Gaussians of",
        "sigma 1, 2 and 3 px. Prints, per slide, the tiles below the default threshold sharp and blurred.",
        "Figures go to docs/benchmarks.md."})
    static final class SharpnessCheck implements Callable<Integer> {
        @Mixin
        SharedDataOption shared;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            var rows = org.tessera.extract.SharpnessBenchmark.run(shared.resolve(), line -> {
                err.println(line);
                err.flush();
            });
            out.printf("threshold %.0f; tiles below it, sharp and blurred with sigma %s px%n", org.tessera.tiling.Sharpness.DEFAULT_MIN,
                    java.util.Arrays.toString(org.tessera.extract.SharpnessBenchmark.SIGMAS));
            out.println("| slide | tiles | sharp: min / median | sharp below | sigma 1 below | sigma 2 below | sigma 3 below "
                    + "| sigma 2: max | read ms/tile | sharpness ms/tile |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (var r : rows) {
                out.printf("| %s | %d | %.1f / %.1f | %d | %d | %d | %d | %.1f | %.2f | %.2f |%n", r.slide(), r.tiles(), r.sharpMin(),
                        r.sharpMedian(), r.sharpBelow(), r.blurredBelow()[0], r.blurredBelow()[1], r.blurredBelow()[2], r.blurredMax(),
                        1e3 * r.readSeconds() / Math.max(1, r.tiles()), 1e3 * r.measureSeconds() / Math.max(1, r.tiles()));
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "extraction", description = {
        "End-to-end extraction of the bundled slides (two SVS, six HER2ST sections) into a fresh store,",
        "against the same backbone's pure inference on tiles already decoded in memory (same batch size).",
        "Prints tiles/s of both and their ratio, the time of a no-op re-run as a fraction of the first run,",
        "and the peak heap while extracting the largest section alone. Figures go to docs/benchmarks.md.",
        "The run is then repeated --rounds times into fresh stores in the now warm JVM (a cohort run's steady state,",
        "without class loading and JIT compilation), pure inference measured before and after each with the",
        "extractor's own sessions: a round's ratio is its rate over the mean of the two, so both sides are measured",
        "within seconds (a shared host's speed drifts by 10-20%% over minutes). The warm ratio is the rounds' median,",
        "also given in CPU time per tile, which holds when other processes load the machine.",
        "Also: the CPU seconds per tile the run spent outside inference, and from it the",
        "cores one GPU would need at --gpu-rate tiles/s; and --pair's backbone with the first in one pass against two",
        "separate runs, in time and in CPU outside inference (what sets the pace when inference is on a GPU)."})
    static final class Extraction implements Callable<Integer> {
        @Option(names = "--backbone", defaultValue = "mobilenet_v2_imagenet", description = "Built-in card (default: ${DEFAULT-VALUE}).")
        String backbone;

        @Option(names = "--pair", defaultValue = "inception_v3_mixed5_imagenet", paramLabel = "NAME",
                description = "Built-in card run with --backbone in one pass against two separate runs; none to skip (default: ${DEFAULT-VALUE}).")
        String pair;

        @Option(names = "--gpu-rate", defaultValue = "3000", paramLabel = "TILES_PER_S",
                description = "GPU inference rate for the cores-per-GPU derivation (default: ${DEFAULT-VALUE}, a ViT-L on a recent GPU).")
        double gpuRate;

        @Option(names = "--batch-size", defaultValue = "16", description = "Batch size for both measurements (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--rounds", defaultValue = "3", description = "Warm rounds; the median ratio is reported (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Mixin
        SharedDataOption shared;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}", description = "Scratch folder for the temporary stores.")
        Path work;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path data = shared.resolve();
            BackboneCard card = BackboneCard.builtin(backbone);
            Files.createDirectories(work);
            java.util.Optional<BackboneCard> second = pair.equals("none") ? java.util.Optional.empty()
                    : java.util.Optional.of(BackboneCard.builtin(pair));
            ExtractionBenchmark.Result r = new ExtractionBenchmark(work, card, card.modelIn(data.resolve("models")),
                    ExtractionBenchmark.sharedSlides(data), batchSize, lines(err), second, second.map(c -> c.modelIn(data.resolve("models"))),
                    rounds).run();
            out.printf("backbone %s, batch %d, %d slides, %d tiles, %d cores, max heap %.1f GB%n", r.backbone(), r.batchSize(),
                    r.slides(), r.tiles(), Runtime.getRuntime().availableProcessors(), r.maxHeapBytes() / 1e9);
            out.printf("pure inference (decoded tiles)  %8.1f tiles/s  (%d tiles)%n", r.inferenceTilesPerSecond(), r.inferenceTiles());
            out.printf("end-to-end extraction, first    %8.1f tiles/s  (%.1f s; JVM start-up, class loading and JIT included)%n",
                    r.endToEndTilesPerSecond(), r.endToEndSeconds());
            out.printf("ratio end-to-end / inference    %8.3f%n", r.ratio());
            out.printf("backbone busy during the run    %8.1f%%%n", 100 * r.backboneBusy());
            ExtractionBenchmark.Round median = r.medianRound();
            out.printf("warm rounds, ratio each         %s%n", String.join(" ", r.rounds().stream()
                    .map(x -> String.format("%.3f", x.ratio())).toList()));
            out.printf("end-to-end warm, median round   %8.1f tiles/s  (%.1f s; backbone busy %.1f%%; CPU %.1f s, inference %.1f s; "
                    + "pure inference around it %.1f and %.1f tiles/s)%n", r.warm().tilesPerSecond(), r.warm().seconds(),
                    100 * r.warm().backboneBusy(), r.warm().cpu().processCpuSeconds(), r.warm().cpu().inferenceCpuSeconds(),
                    median.before().tilesPerSecond(), median.after().tilesPerSecond());
            out.printf("ratio warm end-to-end / inference %6.3f     (median of %d rounds; target >= %.2f)%n", r.warmRatio(),
                    r.rounds().size(), r.target());
            out.printf("the same in CPU time per tile   %8.3f        (median; in the median round pure inference %.2f ms a tile, "
                    + "the run %.2f ms: holds under load)%n", r.warmCpuRatio(),
                    1e3 * (median.before().cpuSecondsPerTile() + median.after().cpuSecondsPerTile()) / 2,
                    1e3 * r.warm().cpu().processCpuSeconds() / r.warm().cpu().tiles());
            out.printf("no-op re-run                    %8.3f s      (%.2f%% of the first run; target <= 2%%)%n",
                    r.noOpSeconds(), 100 * r.noOpFraction());
            out.printf("peak heap, %s alone (%d tiles)  %.0f MB%n", r.largestSlide(), r.largestSlideTiles(), r.peakHeapBytes() / 1e6);
            var cpu = r.cpu();
            out.printf("CPU during the run              %8.1f s      (inference threads %.1f s)%n", cpu.processCpuSeconds(),
                    cpu.inferenceCpuSeconds());
            out.printf("non-inference CPU per tile      %8.3f ms     (%.0f tiles/s per core)%n", 1e3 * cpu.nonInferenceSecondsPerTile(),
                    cpu.tilesPerSecondPerCore());
            out.printf("cores one GPU needs at %.0f tiles/s: %.0f x %.3f ms = %.1f cores%n", gpuRate, gpuRate,
                    1e3 * cpu.nonInferenceSecondsPerTile(), cpu.coresFor(gpuRate));
            var warm = r.warmCpu();
            out.printf("warm, %s alone: CPU %.1f s, inference %.1f s, %d tiles: %.3f ms a tile outside inference; "
                    + "%.0f x %.3f ms = %.1f cores per GPU%n", r.largestSlide(), warm.processCpuSeconds(), warm.inferenceCpuSeconds(),
                    warm.tiles(), 1e3 * warm.nonInferenceSecondsPerTile(), gpuRate, 1e3 * warm.nonInferenceSecondsPerTile(),
                    warm.coresFor(gpuRate));
            out.printf("CPU by stage, %s, one thread (s):", r.largestSlide());
            r.stages().forEach((stage, seconds) -> out.printf(stage.equals("tiles") ? "  %s %.0f" : "  %s %.3f", stage, seconds));
            out.println();
            r.pair().ifPresent(p -> out.printf("one pass %s + %s: %.1f s; separate runs %.1f + %.1f s; ratio %.3f (target <= 0.65); "
                    + "tile reads %d vs %d; CPU outside inference %.1f s vs %.1f + %.1f s: ratio %.3f%n", p.first(), p.second(),
                    p.together().seconds(), p.firstAlone().seconds(), p.secondAlone().seconds(), p.ratio(), p.readsTogether(), p.readsApart(),
                    p.together().outsideInferenceSeconds(), p.firstAlone().outsideInferenceSeconds(),
                    p.secondAlone().outsideInferenceSeconds(), p.cpuRatio()));
            out.printf("markdown: | %s | %d | %d | %.1f | %.1f | %.3f | %.0f%% | %.1f | %.3f (%.2f%%) | %.0f |%n", r.backbone(), r.batchSize(),
                    r.tiles(), r.inferenceTilesPerSecond(), r.endToEndTilesPerSecond(), r.ratio(), 100 * r.backboneBusy(), r.endToEndSeconds(),
                    r.noOpSeconds(), 100 * r.noOpFraction(), r.peakHeapBytes() / 1e6);
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "decode", description = {
        "Pixel decoding alone, one thread, best of --rounds: the direct JPEG tile reader against OpenSlide's",
        "read_region on the same slide (every stored level-0 tile, then a grid of 224 px patches that straddle stored",
        "tiles; both slides opened afresh each round, so no tile comes from a cache), and libjpeg-turbo against ImageIO",
        "decoding a whole plain JPEG. Rates are per second of the reading thread's CPU time (the cost per core, which a",
        "loaded machine barely changes) and per wall-clock second. Target: >= 4x per core for stored tiles. Figures go",
        "to docs/benchmarks.md."})
    static final class Decode implements Callable<Integer> {
        @Option(names = "--slide", paramLabel = "FILE", description = "JPEG-tiled SVS or TIFF (default: slides/CMU-1-Small-Region.svs of the shared data).")
        Path slide;

        @Option(names = "--image", paramLabel = "FILE", description = "Plain JPEG (default: her2st/images/B4.jpg of the shared data).")
        Path image;

        @Option(names = "--rounds", defaultValue = "5", description = "Rounds; the best is kept (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Mixin
        SharedDataOption shared;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path s = slide != null ? slide : shared.resolve().resolve("slides/CMU-1-Small-Region.svs");
            Path i = image != null ? image : shared.resolve().resolve("her2st/images/B4.jpg");
            DecodeBenchmark.Result r = new DecodeBenchmark(s, i, rounds, spec.commandLine().getErr()::println).run(); // autoflush
            PrintWriter out = spec.commandLine().getOut();
            out.printf("slide %s (reader %s), one thread, best of %d rounds, %d cores on the machine%n", r.slide(), r.reader(),
                    r.rounds(), Runtime.getRuntime().availableProcessors());
            out.printf("%-26s %14s %14s %7s %14s %14s %7s%n", "regions read", "direct/cpu-s", "OpenSlide/cpu-s", "ratio",
                    "direct/s", "OpenSlide/s", "ratio");
            rates(out, "stored " + r.tilePx() + " px tiles", r.tiles());
            rates(out, "224 px patches", r.patches());
            out.printf("whole image %s: CPU s libjpeg-turbo %.3f, ImageIO %.3f, ratio %.2f; wall s %.3f, %.3f%n", r.image(),
                    r.turboCpuSeconds(), r.imageIoCpuSeconds(), r.imageRatio(), r.turboSeconds(), r.imageIoSeconds());
            out.printf("target: direct >= 4x OpenSlide per core (stored tiles, CPU time): %s%n", r.tiles().cpuRatio() >= 4 ? "met" : "NOT met");
            out.printf("markdown: | %s | %d | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.2f | %.2f | %.3f | %.3f | %.2f |%n", r.slide(),
                    r.tiles().regions(), r.tiles().directCpu(), r.tiles().openSlideCpu(), r.tiles().cpuRatio(), r.tiles().wallRatio(),
                    r.patches().directCpu(), r.patches().openSlideCpu(), r.patches().cpuRatio(), r.patches().wallRatio(),
                    r.turboCpuSeconds(), r.imageIoCpuSeconds(), r.imageRatio());
            return 0;
        }
    }

    private static void rates(PrintWriter out, String what, DecodeBenchmark.Rates r) {
        out.printf("%-26s %14.0f %14.0f %7.2f %14.0f %14.0f %7.2f%n", what + " (" + r.regions() + ")", r.directCpu(), r.openSlideCpu(),
                r.cpuRatio(), r.directWall(), r.openSlideWall(), r.wallRatio());
    }

    @Command(mixinStandardHelpOptions = true, name = "per-gene", description = {
        "Per-gene ridge (EMO's gene-specific penalty without the GPU-years) on a synthetic cohort: every gene gets",
        "its own lambda from a grid, by GCV and by exact leave-one-out, from one SVD. The same matrices go through",
        "scikit-learn's RidgeCV(alpha_per_target=True) in /usr/bin/python3 in the same run (skipped, and said so,",
        "when scikit-learn is missing). Prints seconds, the ratio and the peak heap."})
    static final class PerGene implements Callable<Integer> {
        @Option(names = "--genes", defaultValue = "20000", description = "Genes (default: ${DEFAULT-VALUE}).")
        int genes;

        @Option(names = "--slides", defaultValue = "1000", description = "Slides (default: ${DEFAULT-VALUE}).")
        int slides;

        @Option(names = "--features", defaultValue = "1536", description = "Features (default: ${DEFAULT-VALUE}).")
        int features;

        @Option(names = "--lambdas", defaultValue = "10", description = "Grid size (default: ${DEFAULT-VALUE}).")
        int lambdas;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic cohort (default: ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(org.tessera.heads.PerGeneBenchmark.run(genes, slides, features, lambdas, seed));
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "tile-logistic", description = {
        "PathoMCH's tile-level head at scale: L2 logistic regression (L-BFGS) on a synthetic design of --tiles x --features",
        "floats held once in memory (10^6 x 768 is 2.9 GB: run with TESSERA_HEAP of at least 4g). Prints fit seconds and peak heap."})
    static final class TileLogistic implements Callable<Integer> {
        @Option(names = "--tiles", defaultValue = "1000000", description = "Tiles (default: ${DEFAULT-VALUE}).")
        int tiles;

        @Option(names = "--features", defaultValue = "768", description = "Features (default: ${DEFAULT-VALUE}).")
        int features;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(org.tessera.heads.tile.TileLogisticBenchmark.run(tiles, features, seed));
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "merge", description = {
        "Merge time against the number of embedding sets: N one-set fragments (a SLURM array of N tasks) are",
        "generated with synthetic slides and vectors, then merged one by one into a fresh store, the time noted",
        "at each of --checkpoints (the last is N). Baseline in the same run: plain copies of the same Parquet",
        "files. Prints each batch's ms per set (flat when the merge is linear), then 'store verify' on the",
        "merged store. Figures go to docs/benchmarks.md."})
    static final class Merge implements Callable<Integer> {
        @Option(names = "--checkpoints", split = ",", defaultValue = "250,500,750,1000",
                description = "Sets merged at which the time is noted, ascending; the last is the number of fragments (default: ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(names = "--tiles", defaultValue = "200", description = "Tiles per set (default: ${DEFAULT-VALUE}).")
        int tiles;

        @Option(names = "--dimension", defaultValue = "1280", description = "Embedding dimension (default: ${DEFAULT-VALUE}, MobileNetV2's).")
        int dimension;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}", description = "Scratch folder (deleted afterwards).")
        Path work;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            org.tessera.store.MergeBenchmark.Result r = new org.tessera.store.MergeBenchmark(work, tiles, dimension, lines(err)).run(sizes);
            out.printf("%d tiles a set, dimension %d, %d cores; generating %d fragments took %.1f s%n", r.tilesPerSet(), r.dimension(),
                    Runtime.getRuntime().availableProcessors(), sizes[sizes.length - 1], r.generateSeconds());
            out.println("sets\tmerge_s\tbatch_ms_per_set\tplain_copy_s\tmerge/copy\tMB");
            for (var p : r.points()) {
                out.printf("%d\t%.2f\t%.1f\t%.2f\t%.1f\t%.1f%n", p.sets(), p.mergeSeconds(), p.batchMsPerSet(), p.copySeconds(),
                        p.mergeSeconds() / p.copySeconds(), p.bytes() / 1e6);
            }
            out.printf("store verify on %d sets: %.2f s, %d problems; %s%n", r.verify().sets(), r.verifySeconds(), r.verify().problems().size(),
                    r.counts());
            return r.verify().ok() ? 0 : 1;
        }
    }
}
