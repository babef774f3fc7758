package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * kill -9 at random points: extraction, expression import, spatial import and spot training each run in a child
 * JVM that gets SIGKILL after a random delay (seeded, spread over the command's measured run time), then run again
 * to the end. The store must then hold exactly what one uninterrupted run gives: the same rows, none lost, none
 * twice, the same vectors and results (compared as a hash of every row, float results rounded to 1e-9 where BLAS
 * threading may change the last bits). 20 kills in all.
 */
class KilledCommandsTest {
    private static final long SEED = 20261203;

    @TempDir
    Path tmp;

    /** One kind of command: how to make its starting store, the command, and the rows that must come out the same. */
    private record Kind(String name, int kills, StoreSetup setup, List<String> command, List<String> fingerprintQueries) {
    }

    @FunctionalInterface
    private interface StoreSetup {
        void prepare(Path store) throws Exception;
    }

    /** One injected fault and what came of it. */
    private record Trial(String kind, int number, long delayMs, boolean killed, String rowsAtKill, String rowsExpected, boolean identical) {
    }

    @Test
    void killedCommandsResumeToTheUninterruptedResult() throws Exception {
        Path her2st = Her2stFolder.legacy(tmp.resolve("her2st"), "B4", "C2"); // patients B and C
        List<String> importSt = List.of("import", "st", "--legacy-dir", her2st.toString(), "--cohort", "her2st");
        List<Kind> kinds = List.of(
                new Kind("extract", 6, store -> ok(Cli.run("slides", "add", "--store", store.toString(), "--mpp", "0.5",
                        Shared.path("slides/CMU-1-Small-Region.svs").toString(), Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs").toString())),
                        List.of("extract", "--backbone", "colour_baseline", "--no-previews"),
                        StoreRows.EXTRACTION),
                new Kind("import-expression", 4, store -> ok(Cli.run("init", "--store", store.toString())),
                        List.of("import", "expression", Shared.path("tcga-brca/pam50_expression.csv").toString(), "--log2"),
                        List.of("SELECT * FROM expression", "SELECT * EXCLUDE (imported_at) FROM expression_imports")),
                new Kind("import-st", 5, store -> ok(Cli.run("init", "--store", store.toString())), importSt,
                        List.of("SELECT * EXCLUDE (imported_at) FROM st_sections", "SELECT * FROM spots", "SELECT * FROM spot_expression",
                                "SELECT * FROM st_genes", "SELECT slide_id, name FROM slides")),
                new Kind("train-spots", 5, store -> {
                    StoreRows.copy(tmp.resolve("import-st-reference"), store); // the spatial import's uninterrupted result
                    ok(Cli.run("extract", "--store", store.toString(), "--spots", "--backbone", "colour_baseline"));
                }, List.of("train", "spots", "--features", "spots", "--param", "backbone=colour_baseline", "--param", "patch_um=112",
                        "--param", "tta=1", "--scheme", "train-test", "--sections", "C2", "--test-sections", "B4", "--lambda-choice", "hest", "--gene-set",
                        "top-variance:50", "--experiment", "killed"),
                        List.of("SELECT * EXCLUDE (created_at, mean_pearson, mean_pearson_smoothed, mean_pearson_concatenated, head_params), "
                                + "round(mean_pearson, 9) FROM spot_experiments",
                                "SELECT experiment, held_out, gene, round(pearson, 9), round(spearman, 9), round(auroc, 9), n_spots FROM spot_metrics",
                                "SELECT experiment, section, spot_id, gene, measured, round(predicted, 9) FROM spot_predictions",
                                "SELECT experiment, gene, n_units, n_positive FROM spot_gene_tests")));
        Random random = new Random(SEED);
        List<Trial> trials = new ArrayList<>();
        for (Kind kind : kinds) {
            trials.addAll(inject(kind, random));
        }
        System.out.println("kind               # delay_ms killed rows_at_kill/expected identical_after_rerun");
        trials.forEach(t -> System.out.printf("%-18s %d %8d %6s %21s %21s%n", t.kind(), t.number(), t.delayMs(), t.killed(),
                t.rowsAtKill() + "/" + t.rowsExpected(), t.identical()));
        assertEquals(20, trials.size());
        assertTrue(trials.stream().allMatch(Trial::identical), "every re-run gives the uninterrupted result: " + trials);
        assertTrue(trials.stream().filter(Trial::killed).count() >= 16, "most faults hit a running command: " + trials);
    }

    private List<Trial> inject(Kind kind, Random random) throws Exception {
        Path base = tmp.resolve(kind.name() + "-base");
        kind.setup().prepare(base);
        Path reference = StoreRows.copy(base, tmp.resolve(kind.name() + "-reference"));
        ChildCli.Outcome full = ChildCli.run(tmp, kind.name() + "-reference", Duration.ofMinutes(5), args(kind, reference));
        assertEquals(0, full.exitCode(), kind.name() + " reference run:\n" + Files.readString(ChildCli.log(tmp, kind.name() + "-reference")));
        Map<String, String> expected = StoreRows.fingerprint(reference, kind.fingerprintQueries());
        // A second uninterrupted run: the command is deterministic, and the faster of the two sets the kill delays (the
        // first child JVM of a kind can take twice as long as the next on a shared host, and a delay drawn from the slow
        // one would mostly land after the command has finished).
        Path again = StoreRows.copy(base, tmp.resolve(kind.name() + "-reference2"));
        ChildCli.Outcome second = ChildCli.run(tmp, kind.name() + "-reference2", Duration.ofMinutes(5), args(kind, again));
        assertEquals(0, second.exitCode(), kind.name() + " second reference run:\n"
                + Files.readString(ChildCli.log(tmp, kind.name() + "-reference2")));
        assertEquals(expected, StoreRows.fingerprint(again, kind.fingerprintQueries()), kind.name() + ": two uninterrupted runs agree");
        long lived = Math.min(full.lived().toMillis(), second.lived().toMillis());
        List<Trial> out = new ArrayList<>();
        for (int i = 1; i <= kind.kills(); i++) {
            Path store = StoreRows.copy(base, tmp.resolve(kind.name() + "-" + i));
            // Uniform over 20%..95% of the measured run: the first fifth is JVM start-up, which touches no store.
            long delay = (long) (lived * (0.2 + 0.75 * random.nextDouble()));
            ChildCli.Outcome o = ChildCli.killAfter(tmp, kind.name() + "-" + i, Duration.ofMillis(delay), args(kind, store));
            String atKill = rows(StoreRows.fingerprint(store, kind.fingerprintQueries()));
            ok(Cli.run(args(kind, store)));
            out.add(new Trial(kind.name(), i, delay, o.killed(), atKill, rows(expected),
                    StoreRows.fingerprint(store, kind.fingerprintQueries()).equals(expected)));
        }
        return out;
    }

    /** Rows of the first query (the main table): how far the killed command had come. */
    private static String rows(Map<String, String> fingerprint) {
        if (fingerprint.isEmpty() || fingerprint.containsKey("error")) {
            return fingerprint.isEmpty() ? "no store" : "unreadable";
        }
        return fingerprint.values().iterator().next().split(" ")[0];
    }

    private static String[] args(Kind kind, Path store) {
        List<String> a = new ArrayList<>(kind.command());
        a.addAll(List.of("--store", store.toString()));
        return a.toArray(String[]::new);
    }

    private static void ok(Cli r) {
        assertEquals(0, r.code(), r.toString());
    }
}
