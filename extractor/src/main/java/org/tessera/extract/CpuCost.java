package org.tessera.extract;

import java.lang.management.ManagementFactory;

/**
 * The CPU an extraction run spent outside inference, per tile, and what it implies for a GPU: when a GPU does
 * the inference, the CPU still has to decode, resample, normalise, batch and write every tile, so a GPU that
 * embeds {@code R} tiles/s needs {@code R x (non-inference CPU seconds per tile)} cores to be kept fed.
 *
 * @param processCpuSeconds CPU time of the whole process during the run (all threads, GC and JIT included)
 * @param inferenceCpuSeconds CPU time the inference threads spent inside the backbone
 * @param tiles tiles read (each tile counted once however many backbones embed it)
 */
public record CpuCost(double processCpuSeconds, double inferenceCpuSeconds, long tiles) {

    public CpuCost {
        if (!(processCpuSeconds >= 0) || !(inferenceCpuSeconds >= 0) || tiles < 1) {
            throw new IllegalArgumentException("need CPU times and at least one tile: " + processCpuSeconds + ", "
                    + inferenceCpuSeconds + ", " + tiles);
        }
    }

    /** CPU seconds per tile of everything but inference: reading, decoding, tissue, resampling, writing. */
    public double nonInferenceSecondsPerTile() {
        return Math.max(0, processCpuSeconds - inferenceCpuSeconds) / tiles;
    }

    /** Tiles/s one core delivers to a backbone when it does nothing but the non-inference work. */
    public double tilesPerSecondPerCore() {
        return 1 / nonInferenceSecondsPerTile();
    }

    /** Cores needed to keep a GPU that embeds {@code gpuTilesPerSecond} tiles/s busy. */
    public double coresFor(double gpuTilesPerSecond) {
        return gpuTilesPerSecond * nonInferenceSecondsPerTile();
    }

    /** CPU time of this process so far, in nanoseconds. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }
}
