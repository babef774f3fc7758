package org.tessera.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tessera} command tree. Commands only parse and print; the work happens in the extractor,
 * trainer and analysis modules. Errors print one line naming the file and the problem and exit 1; usage
 * errors exit 2.
 */
@Command(name = "tessera", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Gene expression from H&E slides: embed every tile once with an ONNX backbone into a DuckDB/Parquet",
            "feature store, then train light heads on SQL-selected feature sets.",
            "",
            "Typical session:",
            "  tessera init --store my-store",
            "  tessera backbone add mobilenet_v2_imagenet --models ../shared/models",
            "  tessera slides add slides/ --cohort TCGA-BRCA",
            "  tessera extract --backbone mobilenet_v2_imagenet",
            "  tessera sql \"SELECT backbone, count(*) FROM embeddings GROUP BY ALL\"",
            "  tessera import expression tcga_brca_rsem.csv --log2",
            "  tessera train per-gene --param backbone=mobilenet_v2_imagenet --out genes.tsv",
            "  tessera score my-bundle --slides \"SELECT slide_id FROM slides WHERE cohort = 'external'\"",
            "  tessera report --run 1 --out run1-report",
            "",
            "Spatial transcriptomics (ST-Net):",
            "  tessera import st --legacy-dir ../shared/her2st",
            "  tessera extract --spots --backbone mobilenet_v2_imagenet --tta 8",
            "  tessera train spots --features spots --param backbone=mobilenet_v2_imagenet --param patch_um=112 \\",
            "      --param tta=8 --sections C2,C3,C4,C5,C6 --experiment loso-C",
            "  tessera map spots --experiment loso-C --section C3 --gene ERBB2 --out c3_erbb2.png",
            "",
            "Every command takes --store DIR (default ./tessera-store, or $TESSERA_STORE)."},
        subcommands = {InitCommand.class, BackboneCommand.class, SlidesCommand.class, ExtractCommand.class,
            SqlCommand.class, SurvivalCommand.class, ImportCommand.class, TrainCommand.class, ScoreCommand.class, DemoCommand.class, BenchmarkCommand.class, ReportCommand.class, SubtypeCommand.class, MapCommand.class, DoctorCommand.class, StoreCommand.class, AnnotationsCommand.class, TmaCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Tessera's error handling, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(120);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tessera: error: " + Errors.describe(ex));
            if (System.getenv("TESSERA_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
