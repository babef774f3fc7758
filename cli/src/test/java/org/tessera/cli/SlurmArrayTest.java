package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/**
 * The SLURM templates for real: a one-node SLURM (scripts/slurm/local-cluster.sh: munged, slurmctld and slurmd
 * on localhost, from Debian's slurm-wlm and munge, which run-tests installs) runs deploy/slurm's extraction
 * array over four demo slides in two shards, then the merge job chained with --dependency=afterok
 * (scripts/slurm/demo-run.sh). Every array task and the merge must end COMPLETED, and the merged store must
 * hold all four slides' embeddings. Starting daemons needs root: elsewhere the test is skipped, under CI it fails.
 */
class SlurmArrayTest {
    @TempDir
    Path tmp;

    private static Path repository() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("scripts/slurm/local-cluster.sh"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "repository root not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    private static String run(List<String> command, Path log, java.util.Map<String, String> env, int minutes) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(command + " did not finish in " + minutes + " min:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), command + " failed:\n" + out);
        return out;
    }

    @Test
    void theArrayAndTheMergeJobRunOnARealSlurm() throws Exception {
        Path shared = Shared.path("slides/CMU-1-Small-Region.svs").getParent().getParent();
        Shared.path("her2st/images/C6.jpg");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the SLURM test starts daemons and needs root; CI runs as root");
        }
        assumeTrue(root, "starting slurmctld and slurmd needs root");
        Path repo = repository();
        run(List.of(repo.resolve("scripts/slurm/local-cluster.sh").toString(), "start"), tmp.resolve("cluster.log"), java.util.Map.of(), 5);

        // The jobs run tessera from this test's classpath (an @argfile: a long -cp on the command line upsets ONNX Runtime).
        Path argfile = Files.write(tmp.resolve("tessera.args"), List.of("-Xmx1200m", "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", "\"" + System.getProperty("java.class.path") + "\"", Main.class.getName()));
        Path launcher = tmp.resolve("tessera");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElseThrow() + "' @" + argfile + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        String out = run(List.of(repo.resolve("scripts/slurm/demo-run.sh").toString(), tmp.resolve("work").toString(), "2", "colour_baseline"),
                tmp.resolve("demo.log"), java.util.Map.of("TESSERA", launcher.toString(), "TESSERA_SHARED", shared.toString(),
                        "TIMEOUT", "600"), 12);
        Matcher ids = Pattern.compile("array job (\\d+) \\(2 tasks\\), merge job (\\d+) \\(--dependency=afterok:\\1\\)").matcher(out);
        assertTrue(ids.find(), out);
        Matcher task = Pattern.compile("  " + ids.group(1) + "_(\\d) \\(job \\d+\\) COMPLETED exit 0:0").matcher(out);
        int tasks = 0;
        while (task.find()) {
            tasks++;
        }
        assertEquals(2, tasks, "both array tasks COMPLETED:\n" + out);
        assertTrue(out.contains("merge job: " + ids.group(2) + " COMPLETED"), out);
        assertTrue(out.contains("4 embedding sets (") && out.contains("; 0 problems"), "the merged store holds the four slides:\n" + out);
        assertTrue(out.contains("4 slides, 1 backbones, 1 tilings, 4 tile grids, 4 embedding sets"), out);
    }
}
