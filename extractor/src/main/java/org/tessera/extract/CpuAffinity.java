package org.tessera.extract;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pins the calling thread to one CPU: Linux's {@code sched_getaffinity} and {@code sched_setaffinity} from the C
 * library, through {@code java.lang.foreign} (pid 0 is the calling thread).
 *
 * <p>Why: on the CPU each inference thread runs a single-threaded ONNX Runtime session while reader, planner and
 * writer threads come and go on the same cores. Left free, the scheduler moves the inference threads between cores,
 * and each move starts their convolutions on cold caches; pinned, each stays on its core and the other threads fill
 * in around it: the inference threads' CPU a tile fell by a tenth, to pure inference's own (docs/benchmarks.md,
 * "Extraction: inference threads pinned, warm ratios measured in rounds"). Pure inference alone gains little or
 * nothing from it; the benchmark pins its baseline as the extractor pins its threads all the same.
 *
 * <p>Anything unavailable (another OS, a C library without the calls, a CPU outside the allowed set) makes the
 * calls return empty or false: the run goes on unpinned. {@code -Dtessera.cpu.pin=false} turns it off.
 */
@SuppressWarnings("restricted") // run with --enable-native-access
final class CpuAffinity {
    /** Bytes of the CPU mask passed to the kernel: 1024 CPUs, glibc's {@code cpu_set_t}. */
    private static final int MASK_BYTES = 128;
    private static final Optional<MethodHandle> GET = bind("sched_getaffinity");
    private static final Optional<MethodHandle> SET = bind("sched_setaffinity");

    private CpuAffinity() {
    }

    /** Whether pinning is asked for (the default) and the calls exist here. */
    static boolean enabled() {
        return !"false".equals(System.getProperty("tessera.cpu.pin")) && GET.isPresent() && SET.isPresent();
    }

    /** The CPUs the calling thread may run on, ascending; empty when they cannot be read. */
    static int[] allowed() {
        if (GET.isEmpty()) {
            return new int[0];
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            if ((int) GET.get().invokeExact(0, (long) MASK_BYTES, mask) != 0) {
                return new int[0];
            }
            byte[] bits = mask.toArray(ValueLayout.JAVA_BYTE);
            return IntStream.range(0, MASK_BYTES * 8).filter(cpu -> (bits[cpu >> 3] & (1 << (cpu & 7))) != 0).toArray();
        } catch (Throwable e) {
            return new int[0];
        }
    }

    /** Pins the calling thread to {@code cpu}; false when it could not be done. */
    static boolean pinCurrentThread(int cpu) {
        if (SET.isEmpty() || cpu < 0 || cpu >= MASK_BYTES * 8) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            mask.set(ValueLayout.JAVA_BYTE, cpu >> 3, (byte) (1 << (cpu & 7)));
            return (int) SET.get().invokeExact(0, (long) MASK_BYTES, mask) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Optional<MethodHandle> bind(String name) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
