package org.tessera.testkit.fuzz;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Seeds Jazzer's coverage-guided runs with the real files: before a {@code JAZZER_FUZZ=1} run, each {@code @FuzzTest}
 * method's generated-corpus folder ({@code .cifuzz-corpus/<class>/<method>/}, which libFuzzer reads at start) gets its
 * target's seeds. Also checks that every {@code @FuzzTest} method of the class has a target, so a method cannot be
 * added without one.
 */
public final class JazzerSeeds {
    private JazzerSeeds() {
    }

    /** Call from a {@code @BeforeAll} of a class of {@code @FuzzTest} methods; {@code targets} maps method name to target. */
    public static void prepare(Class<?> fuzzTests, Map<String, FuzzTarget> targets) throws IOException {
        List<String> methods = Arrays.stream(fuzzTests.getDeclaredMethods()).filter(JazzerSeeds::isFuzzTest).map(Method::getName).toList();
        for (String m : methods) {
            if (!targets.containsKey(m)) {
                throw new IllegalStateException(fuzzTests.getSimpleName() + "." + m + " is a @FuzzTest without an entry in its targets map");
            }
        }
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()) {
            return; // regression mode: only the committed reproducers are replayed
        }
        for (String m : methods) {
            Path dir = Files.createDirectories(Path.of(".cifuzz-corpus", fuzzTests.getName(), m));
            List<byte[]> seeds = targets.get(m).seeds();
            for (int i = 0; i < seeds.size(); i++) {
                Files.write(dir.resolve("shared-seed-" + i), seeds.get(i));
            }
        }
    }

    /**
     * The committed reproducers of fixed findings ({@code <Class>Inputs/<method>/} beside the class), by target, so the
     * mutation loop replays them too, with its timeout and allocation budget (Jazzer's regression mode has neither).
     */
    public static Map<String, List<byte[]>> regressionInputs(Class<?> fuzzTests, Map<String, FuzzTarget> targets) throws IOException {
        Map<String, List<byte[]>> out = new java.util.HashMap<>();
        for (var e : targets.entrySet()) {
            java.net.URL dir = fuzzTests.getResource(fuzzTests.getSimpleName() + "Inputs/" + e.getKey());
            List<byte[]> inputs = new java.util.ArrayList<>();
            if (dir != null && dir.getProtocol().equals("file")) {
                try (var files = Files.list(Path.of(java.net.URI.create(dir.toString())))) {
                    for (Path f : files.sorted().toList()) {
                        inputs.add(Files.readAllBytes(f));
                    }
                }
            }
            out.computeIfAbsent(e.getValue().name(), k -> new java.util.ArrayList<>()).addAll(inputs);
        }
        return out;
    }

    private static boolean isFuzzTest(Method m) {
        return Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals("com.code_intelligence.jazzer.junit.FuzzTest"));
    }
}
