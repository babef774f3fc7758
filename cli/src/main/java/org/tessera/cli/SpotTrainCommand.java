package org.tessera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.files.AtomicFiles;
import org.tessera.spots.GeneSelection;
import org.tessera.spots.Grid;
import org.tessera.spots.HeadOptions;
import org.tessera.spots.Scheme;
import org.tessera.spots.SpotData;
import org.tessera.spots.SpotResult;
import org.tessera.spots.SpotRun;
import org.tessera.spots.SpotStore;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "spots", sortOptions = false, description = {
    "Spot-level head (ST-Net, HEST-Benchmark): predict every spot's expression of a gene set from its embedding.",
    "StandardScaler -> PCA -> multi-output ridge; the gene set and the ridge penalty are chosen on each fold's training",
    "sections only (penalty by inner leave-one-section-out, or HEST's fixed alpha = 100 / (components x genes) without",
    "intercept). Metrics per held-out unit and gene (Pearson, Spearman, quartile AUROC, Pearson against 3x3-smoothed",
    "measurements), ST-Net's consistency test per gene (units with r > 0, one-sided binomial, Holm), HEST's pooled",
    "Pearson, and a pseudo-bulk check go to the store (spot_experiments, spot_units, spot_metrics, spot_gene_tests,",
    "spot_pseudobulk, spot_predictions), replacing an experiment of the same name."},
        footer = {"", "Examples:",
            "  tessera train spots --features spots --param backbone=mobilenet_v2_imagenet --param patch_um=112 --param tta=8 \\",
            "      --scheme loso --sections C2,C3,C4,C5,C6 --gene-set top-variance:50 --experiment mnv2-loso-C",
            "  tessera train spots --features 'spots[backbone=mobilenet_v2_imagenet],spots[backbone=inception_v3_mixed5_imagenet]' \\",
            "      --scheme train-test --sections C2,C3,C4,C5,C6 --test-sections B4 --gene-set top-mean:250 --experiment C-to-B4",
            "  tessera train spots --features my_spots.sql --scheme lopo --sections B4,C2,C3,C4,C5,C6 --lambda-choice hest \\",
            "      --experiment hest-lopo"})
final class SpotTrainCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--features", required = true, paramLabel = "NAME|FILE|SQL",
            description = "Spot feature set returning (section, spot_id, vector FLOAT[]): a named set (sql/feature-sets/NAME.sql), "
                + "a .sql file, or query text. Several (comma-separated, or the option repeated) are concatenated per spot; "
                + "NAME[key=value;...] gives a set parameters of its own, e.g. one backbone each.")
    List<String> features;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Feature-set parameter, e.g. backbone=mobilenet_v2_imagenet.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--scheme", defaultValue = "loso", description = "loso (leave one section out), lopo (leave one patient out) or "
        + "train-test (train on --sections, test on --test-sections) (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--sections", required = true, split = ",", paramLabel = "S", description = "Sections of the experiment (training sections for train-test).")
    List<String> sections;

    @Option(names = "--test-sections", split = ",", paramLabel = "S", description = "Held-out sections of train-test.")
    List<String> testSections = new ArrayList<>();

    @Option(names = "--gene-set", defaultValue = "top-variance:50", paramLabel = "KIND:N",
            description = "top-variance:N (HEST) or top-mean:N (ST-Net), chosen on training spots, or genes:A,B,... named "
            + "(default: ${DEFAULT-VALUE}).")
    String geneSet;

    @Option(names = "--pca", defaultValue = "256", paramLabel = "K", description = "PCA components, capped at the rank (default: ${DEFAULT-VALUE}).")
    int pca;

    @Option(names = "--lambdas", split = ",", defaultValue = "0.01,0.1,1,10,100,1000,10000,100000",
            description = "Ridge penalty grid for inner-cv (default: ${DEFAULT-VALUE}).")
    double[] lambdas;

    @Option(names = "--lambda-choice", defaultValue = "inner-cv", description = "inner-cv or hest (default: ${DEFAULT-VALUE}).")
    String lambdaChoice;

    @Option(names = "--criterion", defaultValue = "pearson",
            description = "What inner-cv maximises: pearson (mean over genes) or mse (default: ${DEFAULT-VALUE}).")
    String criterion;

    @Option(names = "--grid", defaultValue = "legacy-st", description = "Spot array for smoothing: legacy-st (3x3) or visium (hexagon) (default: ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--context", defaultValue = "none", paramLabel = "none|smoothed|concat", description = "Neighbourhood "
        + "context of the features: none; smoothed (each spot's vector averaged with its array neighbours'); concat (the spot's "
        + "own vector beside that average) (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(names = "--smooth-predictions", description = "Average each held-out spot's predictions with its array neighbours' "
        + "(post-processing that uses no measurement).")
    boolean smoothPredictions;

    @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "Experiment name; re-running a name replaces its rows.")
    String experiment;

    @Option(names = "--top", defaultValue = "10", description = "Genes shown in the summary (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--format", defaultValue = "text", description = "text (summary), tsv (one row per gene) or json (summary, units "
        + "and every gene) on standard output (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the per-gene table to FILE, atomically: JSON with --format json, else TSV.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scheme s = scheme();
        GeneSelection selection = parse(() -> GeneSelection.parse(geneSet));
        HeadOptions head = parse(() -> new HeadOptions(pca, lambdas, HeadOptions.Choice.parse(lambdaChoice),
                HeadOptions.Criterion.valueOf(criterion.strip().toUpperCase(Locale.ROOT))));
        Grid g = parse(() -> Grid.valueOf(grid.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        if (!List.of("text", "tsv", "json").contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format must be text, tsv or json, got '" + format + "'");
        }
        List<SpotStore.Source> sets = featureSources();
        SpotRun.Context ctx = parse(() -> SpotRun.Context.parse(context));
        parse(() -> SpotStore.render(sets, params)); // a missing or unused parameter is a usage error, before any work
        long started = System.nanoTime();
        try (FeatureStore st = FeatureStore.open(store.store)) {
            SpotRun run = parse(() -> new SpotRun(experiment, sets, params, s, selection, head, g, ctx, smoothPredictions));
            SpotRun.Outcome o = run.run(st);
            SpotResult r = o.result();
            SpotData data = o.data();
            int width = data.features()[0].length;
            PrintWriter print = spec.commandLine().getOut();
            String text = switch (format) {
                case "tsv" -> tsv(r);
                case "json" -> json(r, data, width);
                default -> null;
            };
            if (text == null) {
                summary(print, r, data, width, (System.nanoTime() - started) / 1e9);
            } else {
                print.print(text);
            }
            if (out != null) {
                write(out, text == null ? tsv(r) : text);
                if (text == null) {
                    print.println("wrote " + out);
                }
            }
            print.flush();
        }
        return 0;
    }

    private Scheme scheme() {
        if (!testSections.isEmpty() && !scheme.equals("train-test")) {
            throw new ParameterException(spec.commandLine(), "--test-sections is for --scheme train-test only");
        }
        return switch (scheme) {
            case "loso" -> parse(() -> new Scheme.LeaveOneSectionOut(sections));
            case "lopo" -> new Scheme.LeaveOnePatientOut(sections);
            case "train-test" -> {
                if (testSections.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--scheme train-test needs --test-sections");
                }
                yield parse(() -> new Scheme.TrainTest(sections, testSections));
            }
            default -> throw new ParameterException(spec.commandLine(), "--scheme must be loso, lopo or train-test, got '" + scheme + "'");
        };
    }

    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("([^\\[]+)(?:\\[(.*)])?");

    /** --features values: query text whole, else comma-separated NAME|FILE items, each with optional [key=value;...]. */
    private List<SpotStore.Source> featureSources() throws IOException {
        List<SpotStore.Source> out = new ArrayList<>();
        for (String value : features) {
            if (value.strip().contains(" ") || value.contains("\n")) {
                out.add(new SpotStore.Source(FeatureSet.inline(value, Pooling.MEAN), Map.of())); // query text
                continue;
            }
            for (String item : value.split(",(?![^\\[]*])")) {
                java.util.regex.Matcher m = ITEM.matcher(item.strip());
                if (!m.matches()) {
                    throw new ParameterException(spec.commandLine(), "--features item '" + item + "' is not NAME, FILE or NAME[key=value;...]");
                }
                Map<String, String> own = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    for (String kv : m.group(2).split(";")) {
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new ParameterException(spec.commandLine(), "--features item '" + item + "': '" + kv + "' is not key=value");
                        }
                        own.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                String name = m.group(1).strip();
                Path file = Path.of(name);
                FeatureSet set = name.endsWith(".sql") || Files.isRegularFile(file) ? FeatureSet.fromFile(file, Pooling.MEAN)
                        : parse(() -> FeatureSet.named(name, Pooling.MEAN));
                out.add(new SpotStore.Source(set, own));
            }
        }
        return out;
    }

    private <T> T parse(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void summary(PrintWriter print, SpotResult r, SpotData data, int width, double seconds) {
        SpotResult.Summary s = r.summary();
        print.printf(Locale.ROOT, "experiment %s: %s on %d sections (%d spots) x %d features, gene set %s, %s, %s (%.1f s)%n", experiment,
                r.scheme().label(), data.sections().size(), data.spots(), width, r.geneSelection().label(),
                r.head().choice() == HeadOptions.Choice.HEST ? "HEST ridge" : "ridge by inner LOSO (" + r.head().criterion().name().toLowerCase(Locale.ROOT) + ")",
                "PCA " + r.head().components(), seconds);
        print.printf(Locale.ROOT, "%-10s %7s %6s %9s %9s %10s%n", "held_out", "spots", "genes", "pearson", "smoothed", "lambda");
        for (SpotResult.UnitSummary u : r.units()) {
            print.printf(Locale.ROOT, "%-10s %7d %6d %9.3f %9.3f %10.3g%n", u.heldOut(), u.nSpots(), u.nGenes(), u.meanPearson(),
                    u.meanPearsonSmoothed(), u.lambda());
        }
        print.printf(Locale.ROOT, "mean Pearson over units: %.3f (smoothed %.3f); HEST pooled Pearson: %.3f%n", s.meanPearson(),
                s.meanPearsonSmoothed(), s.meanPearsonConcatenated());
        print.printf(Locale.ROOT, "genes significant after Holm (positive in more units than chance, p < %.2f): %d of %d (smoothed: %d)%n",
                SpotResult.ALPHA, s.genesSignificant(), s.genesTested(), s.genesSignificantSmoothed());
        print.printf(Locale.ROOT, "genes with pooled held-out Pearson r > 0 significant after Holm (one-sided p < %.2f): %d of %d%n",
                SpotResult.ALPHA, s.genesSignificantConcatenated(), s.genesTested());
        if (!r.bulk().isEmpty()) {
            print.println("pseudo-bulk Pearson across genes: " + String.join(", ", r.bulk().stream()
                    .map(b -> b.section() + " " + String.format(Locale.ROOT, "%.3f", b.pearson())).toList()));
        }
        print.printf(Locale.ROOT, "%-12s %9s %8s %10s %10s%n", "gene", "pearson", "positive", "p_holm", "pooled_r");
        for (SpotResult.GeneScore g : r.best(top)) {
            print.printf(Locale.ROOT, "%-12s %9.3f %4d/%-3d %10.2e %10.3f%n", g.gene(), g.meanPearson(), g.test().nPositive(), g.test().nUnits(),
                    g.test().pHolm(), g.test().pearsonConcatenated());
        }
        print.printf("stored as experiment '%s' (%d held-out spot predictions)%n", experiment, r.predictions().size());
    }

    private static String tsv(SpotResult r) {
        StringBuilder b = new StringBuilder("gene\tmean_pearson\tn_units\tn_positive\tp_binomial\tp_holm\tn_positive_smoothed\tp_holm_smoothed\tpearson_concatenated\n");
        for (SpotResult.GeneScore g : r.best(Integer.MAX_VALUE)) {
            SpotResult.GeneTest t = g.test();
            b.append(String.format(Locale.ROOT, "%s\t%.6f\t%d\t%d\t%.6g\t%.6g\t%d\t%.6g\t%.6f%n", g.gene(), g.meanPearson(), t.nUnits(), t.nPositive(),
                    t.pBinomial(), t.pHolm(), t.nPositiveSmoothed(), t.pHolmSmoothed(), t.pearsonConcatenated()));
        }
        return b.toString();
    }

    private String json(SpotResult r, SpotData data, int width) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", experiment);
        root.put("scheme", r.scheme().label());
        root.put("gene_set", r.geneSelection().label());
        root.put("spots", data.spots());
        root.put("features", width);
        root.put("summary", r.summary());
        root.put("units", r.units());
        root.put("pseudobulk", r.bulk());
        root.put("lambdas", r.choices().stream().map(c -> Map.of("fold", c.fold(), "lambda", c.lambda(), "intercept", c.intercept())).toList());
        root.put("genes", r.best(Integer.MAX_VALUE));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }
}
