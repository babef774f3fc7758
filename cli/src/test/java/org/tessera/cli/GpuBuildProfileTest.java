package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU build a user gets without editing files: Maven profile {@code gpu} swaps the ONNX Runtime artifact and the
 * launcher switch {@code TESSERA_GPU=1} selects that profile and its own jar. Checked through Maven's dependency
 * tree, which resolves POMs only, so onnxruntime_gpu's 640 MB jar is not downloaded here.
 */
class GpuBuildProfileTest {
    @TempDir
    Path tmp;

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = Files.isRegularFile(dir.resolve("cli/pom.xml")) ? dir : dir.getParent();
        assertTrue(Files.isRegularFile(root.resolve("scripts/env.sh")), "project root not found from " + dir);
        return root;
    }

    private static String run(List<String> command, Path root, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("MAVEN_OPTS", "-Xmx256m --sun-misc-unsafe-memory-access=allow");
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed:\n" + text);
        return text;
    }

    /** The ONNX Runtime artifacts in the command-line module's dependency tree (what the shaded jar will hold). */
    private List<String> onnxRuntimeArtifacts(String... profile) throws Exception {
        Path out = tmp.resolve("tree" + profile.length + ".txt");
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        cmd.addAll(List.of(profile));
        cmd.addAll(List.of("dependency:tree", "-pl", "cli", "-am", "-Dincludes=com.microsoft.onnxruntime",
                "-DoutputFile=" + out));
        run(cmd, projectRoot());
        return Files.readAllLines(out).stream()
                .filter(l -> l.contains("com.microsoft.onnxruntime:"))
                .map(l -> l.substring(l.indexOf("com.microsoft.onnxruntime:")))
                .toList();
    }

    @Test
    void theDefaultBuildHasTheCpuOnnxRuntimeAndTheGpuProfileOnlyTheGpuOne() throws Exception {
        assertEquals(List.of("com.microsoft.onnxruntime:onnxruntime:jar:1.29.0:compile"), onnxRuntimeArtifacts());
        assertEquals(List.of("com.microsoft.onnxruntime:onnxruntime_gpu:jar:1.29.0:compile"), onnxRuntimeArtifacts("-Pgpu"));
    }

    @Test
    void theLauncherSwitchSelectsTheGpuProfileAndItsOwnJar() throws Exception {
        Path root = projectRoot();
        List<String> show = List.of("bash", "-c", "source scripts/env.sh && echo \"$(basename \"$TESSERA_JAR\") ${TESSERA_MAVEN_PROFILE[*]}\"");
        assertEquals("tessera-gpu.jar -Pgpu", run(show, root, "TESSERA_GPU", "1").strip());
        assertEquals("tessera.jar", run(show, root, "TESSERA_GPU", "0").strip());
    }
}
