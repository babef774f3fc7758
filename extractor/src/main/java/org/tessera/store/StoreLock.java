package org.tessera.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The store's writer lock: an OS file lock ({@link FileChannel#tryLock()}) on {@code .lock} in the store
 * directory, taken before the database is opened for writing and held until the store is closed. A second
 * process that wants to write the same store (an extraction, a merge) is refused at once with a message
 * naming the holder, written into the file by it (pid, command, start time). The OS drops the lock when
 * its process dies, even by SIGKILL, so a crash never leaves the store locked. Within one JVM the lock is
 * shared and counted (the OS lock is per process, and this JVM's writers already share one DuckDB file).
 */
final class StoreLock implements AutoCloseable {
    static final String FILE = ".lock";
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path root;
    private boolean released;

    private record Held(FileChannel channel, FileLock lock, int count) {
    }

    private StoreLock(Path root) {
        this.root = root;
    }

    /**
     * Takes the lock of the store at {@code root} (a directory that exists).
     *
     * @throws StoreException when another process holds it, naming that process
     */
    static StoreLock acquire(Path root) throws StoreException {
        synchronized (HELD) {
            Held held = HELD.get(root);
            if (held != null) {
                HELD.put(root, new Held(held.channel(), held.lock(), held.count() + 1));
                return new StoreLock(root);
            }
            Path file = root.resolve(FILE);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                    channel.close();
                    throw new StoreException(root + ": the store is being written by another process ("
                            + (holder.isEmpty() ? "unknown" : holder) + "); wait until it has finished, then run this again");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                HELD.put(root, new Held(channel, lock, 1));
                return new StoreLock(root);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StoreException(file + ": cannot take the store's writer lock: " + e.getMessage(), e);
            }
        }
    }

    private static String describeThisProcess() {
        ProcessHandle me = ProcessHandle.current();
        String command = me.info().arguments().map(a -> {
            // "java ... org.tessera.cli.Main extract ..." or "-jar tessera.jar merge ...": keep the Tessera part.
            for (int i = 0; i < a.length; i++) {
                if (a[i].endsWith(".Main") || a[i].endsWith(".jar")) {
                    return "tessera " + String.join(" ", java.util.Arrays.copyOfRange(a, i + 1, a.length));
                }
            }
            return "java";
        }).orElse("java");
        if (command.length() > 200) {
            command = command.substring(0, 200) + "...";
        }
        return "pid " + me.pid() + ", '" + command + "', since " + Instant.now();
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(root);
            if (held == null) {
                return;
            }
            if (held.count() > 1) {
                HELD.put(root, new Held(held.channel(), held.lock(), held.count() - 1));
                return;
            }
            HELD.remove(root);
            closeQuietly(held.channel()); // releases the lock; the file stays (deleting it would race a waiting process)
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the OS releases the lock with the descriptor in any case
            }
        }
    }
}
