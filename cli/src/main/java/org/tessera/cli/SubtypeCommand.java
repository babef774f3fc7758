package org.tessera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.classify.ClassificationReport;
import org.tessera.classify.EnsembleOptions;
import org.tessera.classify.SubtypeClassification;
import org.tessera.files.AtomicFiles;
import org.tessera.shared.SharedData;
import org.tessera.stats.AdjustedRand;
import org.tessera.subtype.Agreement;
import org.tessera.subtype.AgreementResult;
import org.tessera.subtype.ExpressionCsv;
import org.tessera.subtype.ExpressionMatrix;
import org.tessera.subtype.Pam50;
import org.tessera.subtype.Pam50Call;
import org.tessera.subtype.Pam50Classification;
import org.tessera.subtype.Pam50Gene;
import org.tessera.subtype.Pam50Genes;
import org.tessera.subtype.Pam50Options;
import org.tessera.subtype.ProliferationScore;
import org.tessera.subtype.SubtypeLabels;
import org.tessera.subtype.Subtype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tessera subtype pam50|classify}: PAM50 nearest-centroid calls (org.tessera.subtype.Pam50, genefu's
 * centroids) and hist2RNA's soft-voting subtype classifier (org.tessera.classify) on an expression CSV, with
 * agreement against published labels. Only parsing and printing here.
 */
@Command(name = "subtype", mixinStandardHelpOptions = true,
        description = {
            "Breast cancer intrinsic subtypes from PAM50 gene expression (measured or predicted from slides).",
            "",
            "Examples:",
            "  tessera subtype pam50 --expression pam50_expression.csv --log2 \\",
            "      --labels clinical_pancan_atlas_2018.tsv --label-column Subtype",
            "  tessera subtype pam50 --expression predicted.csv --median-centre --format tsv --out calls.tsv",
            "  tessera subtype classify --train measured.csv --train-labels clinical.tsv --test predicted.csv --log2"},
        subcommands = {SubtypeCommand.Pam50Calls.class, SubtypeCommand.Classify.class})
final class SubtypeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: pam50 or classify");
    }

    /** The options every subcommand shares: output format and destination, and the labels file's columns. */
    static final class Output {
        @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
        SurvivalReport.Format format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
        Path out;

        @Option(names = "--label-column", defaultValue = "Subtype", paramLabel = "COL",
                description = "Column of the labels file holding the subtype; values Basal, Her2, LumA, LumB, Normal, "
                        + "optionally prefixed as TCGA's BRCA_LumA; NA or empty = unlabelled (default: ${DEFAULT-VALUE}).")
        String labelColumn;

        @Option(names = "--id-column", defaultValue = "Patient ID", paramLabel = "COL",
                description = "Column of the labels file matching the expression file's sample ids (default: ${DEFAULT-VALUE}).")
        String idColumn;

        void print(SurvivalReport report, PrintWriter stdout) throws IOException {
            if (out == null) {
                report.print(format, stdout);
                return;
            }
            StringWriter text = new StringWriter();
            report.print(format, new PrintWriter(text));
            AtomicFiles.writeString(out, text.toString());
        }

        /** Sample id to subtype label (Basal, Her2, ...) from a CSV/TSV file; unlabelled rows left out. */
        Map<String, String> labels(Path file) throws IOException {
            return SubtypeLabels.read(file, idColumn, labelColumn);
        }
    }

    private static ExpressionMatrix expression(Path file, boolean log2) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        ExpressionMatrix m = ExpressionCsv.read(file);
        return log2 ? m.log2OnePlus() : m;
    }

    private static Path shared(Path given, String relative) {
        return given != null ? given : SharedData.require(relative);
    }

    /** Adds the agreement and confusion sections of truth (rows) against calls (columns). */
    private static void agreement(SurvivalReport report, List<String> truth, List<String> calls) {
        AgreementResult a = Agreement.of(truth, calls);
        report.section("agreement", "n", "accuracy", "kappa", "adjusted_rand")
                .row(a.n(), a.accuracy(), a.kappa(), AdjustedRand.index(truth, calls));
        List<String> columns = new ArrayList<>();
        columns.add("label \\ call");
        columns.addAll(a.labels());
        report.section("confusion", columns.toArray(String[]::new));
        long[][] c = a.confusion();
        for (int i = 0; i < c.length; i++) {
            Object[] row = new Object[c.length + 1];
            row[0] = a.labels().get(i);
            for (int j = 0; j < c.length; j++) {
                row[j + 1] = c[i][j];
            }
            report.row(row);
        }
    }

    @Command(name = "pam50", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "PAM50 single-sample predictor (Parker 2009, genefu): Spearman correlation of each sample with the five",
                "centroids, the subtype of the highest, ROR-S = 0.05 Basal + 0.12 Her2 - 0.34 LumA + 0.23 LumB, and the",
                "11-gene proliferation score (mean of the flagged genes on the input scale; NA when one is missing).",
                "With --labels: accuracy, Cohen's kappa, adjusted Rand index and the confusion table (rows: labels)."},
            footer = {"", "Example (TCGA-BRCA, 981 labelled patients: 89.5%% agreement, kappa 0.837; median-centred 70.7%%, 0.612):",
                "  tessera subtype pam50 --expression ../shared/tcga-brca/pam50_expression.csv --log2 \\",
                "      --labels ../shared/tcga-brca/clinical_pancan_atlas_2018.tsv --label-column Subtype --format tsv"})
    static final class Pam50Calls implements Callable<Integer> {
        @Option(names = "--expression", required = true, paramLabel = "FILE",
                description = "CSV: a sample id column, then one column per gene (current or genefu symbols), one row per sample.")
        Path expressionFile;

        @Option(names = "--log2", description = "Transform values to log2(1 + x) first (RSEM / counts).")
        boolean log2;

        @Option(names = "--median-centre", description = "Subtract each gene's median over the samples first (Parker's "
                + "reference script; assumes a cohort with a subtype mix like the training set).")
        boolean medianCentre;

        @Option(names = "--min-genes", defaultValue = "40", description = "Fewest PAM50 genes that must be present (default: ${DEFAULT-VALUE}).")
        int minGenes;

        @Option(names = "--labels", paramLabel = "FILE", description = "CSV/TSV of published subtypes to compare the calls with.")
        Path labelsFile;

        @Option(names = "--centroids", paramLabel = "FILE",
                description = "genefu centroid table (default: signatures/pam50_centroids.csv of the shared data).")
        Path centroids;

        @Option(names = "--genes", paramLabel = "FILE",
                description = "PAM50 gene table: genefu and current symbols, proliferation flag (default: signatures/pam50_genes.tsv).")
        Path genes;

        @Mixin
        Output output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Path genesFile = shared(genes, "signatures/pam50_genes.tsv");
            List<Pam50Gene> table = Pam50Genes.read(genesFile);
            Pam50 model = Pam50.load(shared(centroids, "signatures/pam50_centroids.csv"), genesFile);
            Map<String, String> labels = labelsFile == null ? Map.of() : output.labels(labelsFile);
            ExpressionMatrix m = expression(expressionFile, log2);
            Pam50Classification result = model.classify(m, new Pam50Options(medianCentre, minGenes));
            err.printf("%d samples, %d of 50 PAM50 genes used%s%n", m.samples().size(), result.genesUsed().size(),
                    result.missingGenes().isEmpty() ? "" : "; missing " + result.missingGenes());
            double[] proliferation = proliferation(m, table, err);

            List<String> columns = new ArrayList<>(List.of("sample", "subtype"));
            for (Subtype s : Subtype.values()) {
                columns.add("r_" + s.label());
            }
            columns.addAll(List.of("ror_s", "proliferation"));
            if (labelsFile != null) {
                columns.add("label");
            }
            SurvivalReport report = new SurvivalReport().section("calls", columns.toArray(String[]::new));
            List<String> truth = new ArrayList<>();
            List<String> calls = new ArrayList<>();
            for (int i = 0; i < result.calls().size(); i++) {
                Pam50Call c = result.calls().get(i);
                List<Object> row = new ArrayList<>(List.of(c.sample(), c.subtype().label()));
                for (double r : c.correlations()) {
                    row.add(r);
                }
                row.add(c.rorS());
                row.add(proliferation == null ? null : proliferation[i]);
                if (labelsFile != null) {
                    String label = labels.get(c.sample());
                    row.add(label);
                    if (label != null) {
                        truth.add(label);
                        calls.add(c.subtype().label());
                    }
                }
                report.row(row.toArray());
            }
            if (labelsFile != null) {
                if (truth.isEmpty()) {
                    throw new IllegalArgumentException(labelsFile + ": no sample of " + expressionFile + " has a label in column '"
                            + output.labelColumn + "' (ids matched on column '" + output.idColumn + "')");
                }
                err.printf("%d of %d samples labelled in %s%n", truth.size(), m.samples().size(), labelsFile);
                agreement(report, truth, calls);
            }
            output.print(report, spec.commandLine().getOut());
            return 0;
        }

        private static double[] proliferation(ExpressionMatrix m, List<Pam50Gene> table, PrintWriter err) {
            List<String> missing = table.stream().filter(Pam50Gene::proliferation)
                    .filter(g -> !m.genes().contains(g.currentSymbol()) && !m.genes().contains(g.oldSymbol())).map(Pam50Gene::currentSymbol).toList();
            if (!missing.isEmpty()) {
                err.println("proliferation score not computed (NA): genes missing " + missing);
                return null;
            }
            return ProliferationScore.of(m, table);
        }
    }

    @Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "hist2RNA's subtype classifier: a soft-voting ensemble (average of the class probabilities) of a random",
                "forest, an MLP, LDA and multinomial logistic regression, fitted on the training samples' expression and",
                "labels, then applied to the test samples. Genes are matched by name: the test file must hold every",
                "gene of the training file. Prints each test sample's probabilities; with --test-labels also accuracy,",
                "per-class and macro F1, one-vs-rest AUROC and the confusion table."},
            footer = {"", "Example (train on measured TCGA expression, apply to expression predicted from slides):",
                "  tessera subtype classify --train pam50_expression.csv --train-labels clinical_pancan_atlas_2018.tsv \\",
                "      --test predicted.csv --test-labels clinical_pancan_atlas_2018.tsv --log2 --seed 1"})
    static final class Classify implements Callable<Integer> {
        @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training expression CSV (samples x genes).")
        Path train;

        @Option(names = "--train-labels", required = true, paramLabel = "FILE", description = "CSV/TSV with the training labels.")
        Path trainLabels;

        @Option(names = "--test", required = true, paramLabel = "FILE", description = "Expression CSV of the samples to classify.")
        Path test;

        @Option(names = "--test-labels", paramLabel = "FILE", description = "CSV/TSV with the test samples' true labels, to score the predictions.")
        Path testLabels;

        @Option(names = "--log2", description = "Transform both files to log2(1 + x) first.")
        boolean log2;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--trees", defaultValue = "200", description = "Random forest size (default: ${DEFAULT-VALUE}).")
        int trees;

        @Mixin
        Output output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            ExpressionMatrix trainM = expression(train, log2);
            ExpressionMatrix testM = expression(test, log2);
            Map<String, String> labels = output.labels(trainLabels);
            EnsembleOptions base = EnsembleOptions.defaults(seed);
            EnsembleOptions options = new EnsembleOptions(seed, trees, base.hidden(), base.epochs(), base.learningRate(), base.lambda());
            SubtypeClassification result = SubtypeClassification.run(trainM, train.toString(), labels, testM, test.toString(), options);
            List<String> classes = result.classes();
            err.printf("trained on %d labelled samples of %s, %d genes, classes %s%n", result.trained(), train, result.genes(), classes);

            Map<String, String> truthById = testLabels == null ? Map.of() : output.labels(testLabels);
            List<String> columns = new ArrayList<>(List.of("sample", "call"));
            classes.forEach(c -> columns.add("p_" + c));
            if (testLabels != null) {
                columns.add("label");
            }
            SurvivalReport report = new SurvivalReport().section("predictions", columns.toArray(String[]::new));
            List<Integer> truth = new ArrayList<>();
            List<double[]> scored = new ArrayList<>();
            for (int i = 0; i < result.samples().size(); i++) {
                double[] p = result.probabilities().get(i);
                List<Object> row = new ArrayList<>(List.of(result.samples().get(i), result.call(i)));
                for (double d : p) {
                    row.add(d);
                }
                if (testLabels != null) {
                    String label = truthById.get(testM.samples().get(i));
                    row.add(label);
                    if (label != null && classes.contains(label)) {
                        truth.add(classes.indexOf(label));
                        scored.add(p);
                    }
                }
                report.row(row.toArray());
            }
            if (testLabels != null) {
                if (truth.isEmpty()) {
                    throw new IllegalArgumentException(testLabels + ": no sample of " + test + " has a label");
                }
                ClassificationReport r = ClassificationReport.of(classes, truth.stream().mapToInt(Integer::intValue).toArray(),
                        scored.toArray(double[][]::new));
                report.section("metrics", "n", "accuracy", "macro_f1").row(truth.size(), r.accuracy(), r.macroF1());
                report.section("classes", "class", "f1", "auroc");
                for (int c = 0; c < classes.size(); c++) {
                    report.row(classes.get(c), r.f1()[c], r.auroc().get(classes.get(c)));
                }
                List<String> head = new ArrayList<>(List.of("label \\ call"));
                head.addAll(classes);
                report.section("confusion", head.toArray(String[]::new));
                long[][] cm = r.confusion();
                for (int c = 0; c < classes.size(); c++) {
                    Object[] row = new Object[classes.size() + 1];
                    row[0] = classes.get(c);
                    for (int j = 0; j < classes.size(); j++) {
                        row[j + 1] = cm[c][j];
                    }
                    report.row(row);
                }
            }
            output.print(report, spec.commandLine().getOut());
            return 0;
        }
    }
}
