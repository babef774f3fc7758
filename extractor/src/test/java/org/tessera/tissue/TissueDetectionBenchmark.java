package org.tessera.tissue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tessera.tiling.Thumbnail;

/**
 * Not a test: prints the CPU time and the allocation of one {@link TissueDetector#detect} call against the
 * code it replaced ({@link TissueReference}), measured in the same JVM in alternating rounds, and the new
 * code's stages. Asserts nothing but that the masks agree. Skipped unless run with
 * {@code ./run-tests -o -q -pl extractor -am -Dtest=TissueDetectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtessera.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "tessera.benchmark", matches = "true")
class TissueDetectionBenchmark {
    private static final int WARMUP = 20;
    private static final int ROUNDS = 7;
    private static final int CALLS = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void detectBeforeAndAfter() throws Exception {
        for (String slide : new String[] {RealThumbnails.C3, RealThumbnails.CMU}) {
            Thumbnail thumbnail = RealThumbnails.read(slide);
            BufferedImage image = thumbnail.image();
            TissueDetector detector = new TissueDetector();
            Supplier<Object> before = () -> TissueReference.detect(image, TissueOptions.DEFAULT);
            Supplier<Object> after = () -> detector.detect(image, thumbnail.downsample()).toBitSet();
            if (!before.get().equals(after.get())) {
                throw new AssertionError(slide + ": masks differ");
            }
            for (int i = 0; i < WARMUP; i++) {
                before.get();
                after.get();
            }
            double[][] cpu = new double[2][ROUNDS];
            double[][] wall = new double[2][ROUNDS];
            long[] bytes = new long[2];
            for (int round = 0; round < ROUNDS; round++) {
                int side = 0;
                for (Supplier<Object> code : java.util.List.of(before, after)) {
                    long b0 = THREADS.getCurrentThreadAllocatedBytes();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < CALLS; i++) {
                        code.get();
                    }
                    wall[side][round] = (System.nanoTime() - t0) / 1e6 / CALLS;
                    cpu[side][round] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / CALLS;
                    bytes[side] = (THREADS.getCurrentThreadAllocatedBytes() - b0) / CALLS;
                    side++;
                }
            }
            System.out.printf(Locale.ROOT, "%s thumbnail %dx%d, %d rounds of %d calls, median per call:%n", slide,
                    image.getWidth(), image.getHeight(), ROUNDS, CALLS);
            String[] names = {"before (reference)", "after"};
            for (int s = 0; s < 2; s++) {
                System.out.printf(Locale.ROOT, "  %-18s CPU %7.2f ms  wall %7.2f ms  allocated %6.1f MB%n", names[s],
                        median(cpu[s]), median(wall[s]), bytes[s] / 1e6);
            }
            System.out.printf(Locale.ROOT, "  speed-up (CPU)     %.1fx%n", median(cpu[0]) / median(cpu[1]));
            stages(image);
        }
    }

    /** CPU of the new code's stages, median of rounds, on the same thumbnail. */
    private static void stages(BufferedImage image) {
        TissueOptions o = TissueOptions.DEFAULT;
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        TissueDetector detector = new TissueDetector(o);
        byte[] saturation = SaturationImage.medianOfRgb(rgb, w, h, o.medianKernel());
        boolean[] mask = detector.aboveThreshold(rgb, saturation);
        boolean[] a = new boolean[mask.length];
        boolean[] b = new boolean[mask.length];
        Runnable[] steps = {
            () -> SaturationImage.medianOfRgb(rgb, w, h, o.medianKernel()),
            () -> detector.aboveThreshold(rgb, saturation),
            () -> {
                Morphology.disk(mask, a, w, h, o.closingRadius(), true);
                Morphology.disk(a, b, w, h, o.closingRadius(), false);
                Morphology.disk(b, a, w, h, o.openingRadius(), false);
                Morphology.disk(a, b, w, h, o.openingRadius(), true);
            },
            () -> {
                Morphology.removeSmallObjects(b.clone(), w, h, o.minObjectPixels());
                Morphology.fillSmallHoles(b.clone(), w, h, o.maxHolePixels());
            },
        };
        String[] names = {"median", "threshold + ink", "four disks", "objects + holes"};
        StringBuilder line = new StringBuilder("  after, by stage (CPU ms):");
        for (int s = 0; s < steps.length; s++) {
            for (int i = 0; i < WARMUP; i++) {
                steps[s].run();
            }
            double[] ms = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS; i++) {
                    steps[s].run();
                }
                ms[round] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / CALLS;
            }
            line.append(String.format(Locale.ROOT, "  %s %.2f", names[s], median(ms)));
        }
        System.out.println(line);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
