package org.tessera.slide;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of decoded tiles ({@code 0xRRGGBB} ints), keyed by level and tile
 * index, so that neighbouring patches that share a stored tile decode it once.
 *
 * <p>Only the map operations hold the lock; decoding happens outside it, so two threads that miss the same
 * tile at once may both decode it (the pixels are the same) rather than wait. Cached arrays are never written.
 */
final class TileCache {

    /** Bytes of decoded pixels one slide may keep (32 MB: about 140 tiles of 240 x 240). */
    static final long DEFAULT_BYTES = 32L << 20;

    private record Key(int level, int tile) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, int[]> tiles;
    private long hits;
    private long misses;

    /** A cache holding at most {@code bytes} of tiles of {@code tilePixels} pixels each (at least 4 tiles). */
    TileCache(long bytes, long tilePixels) {
        this.capacity = (int) Math.max(4, Math.min(1 << 16, bytes / (4 * tilePixels)));
        this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, int[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached pixels of a tile, or null. */
    synchronized int[] get(int level, int tile) {
        int[] pixels = tiles.get(new Key(level, tile));
        if (pixels == null) {
            misses++;
        } else {
            hits++;
        }
        return pixels;
    }

    synchronized void put(int level, int tile, int[] pixels) {
        tiles.put(new Key(level, tile), pixels);
    }

    int capacity() {
        return capacity;
    }

    /** Lookups that found the tile decoded already. */
    synchronized long hits() {
        return hits;
    }

    /** Lookups that had to decode. */
    synchronized long misses() {
        return misses;
    }
}
