package org.tessera.tiling;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The order in which a slide's tiles are read: in vertical strips a few tiles wide, row by row within a strip.
 * A slide keeps a bounded cache of decoded stored tiles (32 MB in the direct JPEG reader, the same in OpenSlide),
 * and two neighbouring patch rows usually share a row of stored tiles. Read row-major over a whole-slide grid,
 * one patch row can touch more stored tiles than the cache holds (a 40x scan 46,000 px wide has 192 stored
 * tiles of 240 px a row, a 224 px patch at 0.5 um/px spans two or three of its rows), so the shared stored row is
 * evicted before the next patch row needs it, and decoded twice. Within a strip the next patch row finds it
 * still cached; only the stored column at each strip boundary is decoded twice.
 */
public final class ReadOrder {
    /**
     * Strip width in tiles: a patch row of a strip touches at most 3 x (8 x 2 + 1) = 51 stored tiles on a 40x
     * scan read at 20x, a third of the direct reader's cache, and the boundary columns add about 1 in 16 decodes.
     */
    public static final int STRIP_TILES = 8;

    private ReadOrder() {
    }

    /**
     * Positions in {@code tiles}, in reading order: by strip of {@code stripTiles} tile widths (of level-0 x), then
     * by y, then by x.
     */
    public static int[] strips(List<Tile> tiles, int stripTiles) {
        if (stripTiles < 1) {
            throw new IllegalArgumentException("a strip is at least one tile wide, got " + stripTiles);
        }
        Comparator<Integer> order = Comparator.<Integer>comparingLong(i -> Math.floorDiv(tiles.get(i).x(), stripTiles * tiles.get(i).width()))
                .thenComparingLong(i -> tiles.get(i).y())
                .thenComparingLong(i -> tiles.get(i).x());
        return IntStream.range(0, tiles.size()).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }
}
