package org.tessera.heads;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** The largest heap use seen while a benchmark runs, polled every 5 ms on a daemon thread. */
final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    private HeapSampler() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        thread = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static HeapSampler start() {
        System.gc(); // start from live data, not from the garbage of generating the inputs
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling and returns the peak in bytes. */
    long stop() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak.get();
    }
}
