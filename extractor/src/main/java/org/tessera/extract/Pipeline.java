package org.tessera.extract;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run-wide state the pipeline's threads share: the first fatal error (a backbone or store failure,
 * not a bad slide), after which every thread stops. Queue hand-offs go through {@link #put}, which gives
 * up once the run is aborted, so no thread blocks forever on a queue nobody drains.
 */
final class Pipeline {
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    void abort(Throwable cause) {
        fatal.compareAndSet(null, cause);
    }

    boolean aborted() {
        return fatal.get() != null;
    }

    Throwable cause() {
        return fatal.get();
    }

    <T> void put(BlockingQueue<T> queue, T item) throws InterruptedException {
        while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
            if (aborted()) {
                throw new InterruptedException("extraction aborted: " + fatal.get().getMessage());
            }
        }
    }
}
