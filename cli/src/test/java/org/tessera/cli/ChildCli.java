package org.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM: a real process that can be killed with SIGKILL (no shutdown hooks, no
 * cleanup), for crash tests. The JVM arguments go in an @argfile: with a command line over about 4 KB (a long
 * -cp) the ONNX Runtime environment crashes the process with SIGSEGV, seen with ORT 1.29 here; ./tessera runs a
 * jar and is not affected. Output goes to {@code <work>/<name>.log}.
 */
final class ChildCli {
    private ChildCli() {
    }

    /** Starts {@code tessera args...} in a child JVM. */
    static Process start(Path work, String name, String... args) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", "\"" + System.getProperty("java.class.path") + "\"", Main.class.getName()));
        jvm.addAll(List.of(args));
        Path argfile = Files.write(work.resolve(name + ".args"), jvm);
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "@" + argfile);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(work, name).toFile()).start();
    }

    static Path log(Path work, String name) {
        return work.resolve(name + ".log");
    }

    /** What happened to a child: its exit code (137 when killed) and how long it lived. */
    record Outcome(boolean killed, int exitCode, Duration lived) {
    }

    /** Runs to the end (at most {@code limit}); a child still running then is killed and reported so. */
    static Outcome run(Path work, String name, Duration limit, String... args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = start(work, name, args);
        boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        return new Outcome(!done, p.exitValue(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Starts the child, sends SIGKILL after {@code delay} if it is still running, and waits for it to be gone. */
    static Outcome killAfter(Path work, String name, Duration delay, String... args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = start(work, name, args);
        boolean finished = p.waitFor(delay.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly(); // SIGKILL
        }
        p.waitFor();
        return new Outcome(!finished, p.exitValue(), Duration.ofNanos(System.nanoTime() - start));
    }
}
