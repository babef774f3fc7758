package org.tessera.heads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tessera.featureset.FeatureMatrix;

/**
 * Runs scikit-learn's {@code StandardScaler} + {@code RidgeCV(alphas, alpha_per_target=True)} on the same
 * matrices in {@code /usr/bin/python3}, for {@link PerGeneBenchmark}: matrices go through a temporary
 * directory as raw little-endian doubles, the fit is timed inside Python (excluding loading), and the chosen
 * alphas come back the same way. Without python3 or scikit-learn the outcome says so instead of a time.
 */
final class SklearnRidgeCv {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import sys, time, numpy as np",
            "from sklearn.preprocessing import StandardScaler",
            "from sklearn.linear_model import RidgeCV",
            "import sklearn",
            "d, n, p, q = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])",
            "X = np.fromfile(d + '/x.f64', '<f8').reshape(n, p); Y = np.fromfile(d + '/y.f64', '<f8').reshape(n, q)",
            "alphas = np.fromfile(d + '/alphas.f64', '<f8')",
            "t = time.perf_counter()",
            "m = RidgeCV(alphas=alphas, alpha_per_target=True).fit(StandardScaler().fit_transform(X), Y)",
            "dt = time.perf_counter() - t",
            "np.asarray(m.alpha_, '<f8').tofile(d + '/chosen.f64')",
            "print(dt, sklearn.__version__, np.__version__)");

    private SklearnRidgeCv() {
    }

    /** Seconds (NaN when it did not run), the alpha chosen per gene (null then), and what happened. */
    record Outcome(double seconds, double[] alphas, String note) {
    }

    static Outcome time(FeatureMatrix x, Targets y, double[] alphas) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return new Outcome(Double.NaN, null, PYTHON + " not found: scikit-learn comparison skipped");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tessera-sklearn");
            write(dir.resolve("x.f64"), x.toRowMajor());
            writeRows(dir.resolve("y.f64"), y);
            write(dir.resolve("alphas.f64"), alphas);
            Process process = new ProcessBuilder(PYTHON, "-c", SCRIPT, dir.toString(), String.valueOf(x.rows()),
                    String.valueOf(x.cols()), String.valueOf(y.outputs())).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(1, TimeUnit.HOURS)) {
                process.destroyForcibly();
                return new Outcome(Double.NaN, null, "scikit-learn took over an hour: comparison abandoned");
            }
            if (process.exitValue() != 0) {
                return new Outcome(Double.NaN, null, "scikit-learn failed (exit " + process.exitValue() + "): " + output);
            }
            String[] words = output.lines().reduce((a, b) -> b).orElse("").split(" ");
            double[] chosen = read(dir.resolve("chosen.f64"), y.outputs());
            return new Outcome(Double.parseDouble(words[0]), chosen,
                    "scikit-learn " + words[1] + ", numpy " + words[2] + " in " + PYTHON);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Double.NaN, null, "scikit-learn comparison skipped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Double.NaN, null, "scikit-learn comparison interrupted");
        } finally {
            delete(dir);
        }
    }

    private static void write(Path file, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        Files.write(file, buffer.array());
    }

    /** Y row-major, one row at a time, so the file is written without a second copy of Y in memory. */
    private static void writeRows(Path file, Targets y) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(y.outputs() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < y.rows(); i++) {
                buffer.clear();
                for (int j = 0; j < y.outputs(); j++) {
                    buffer.putDouble(y.get(i, j));
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
    }

    private static double[] read(Path file, int count) throws IOException {
        double[] values = new double[count];
        ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory is not worth failing a benchmark for
        }
    }
}
