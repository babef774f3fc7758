/**
 * Cutting a slide into tiles of a fixed physical size, and reading each tile at that size.
 *
 * <p><b>Coordinates.</b> Everything is in level-0 pixels of the slide (x to the right, y downwards, origin at
 * the top-left corner), plus micrometres per pixel. {@code scale = spec.mpp() / slideMpp} is the number of
 * level-0 pixels per target pixel.
 *
 * <p><b>Grid.</b> Column {@code i} starts at {@code x_i = round(i * stridePx * scale)} and ends (exclusive) at
 * {@code round((i * stridePx + tilePx) * scale)}; rows likewise in y. Rounding is half-up
 * ({@link java.lang.Math#round(double)}) of the same product, so when {@code stridePx == tilePx} the end of
 * tile {@code i} is bit-for-bit the start of tile {@code i+1}: neighbouring tiles share their edges exactly,
 * with no gap or overlap, and level-0 extents differ by at most one pixel from tile to tile (the reader
 * resamples every tile to {@code tilePx}, see {@link org.tessera.tiling.TileResampler}). Only whole tiles lie
 * in the grid: a column exists only if its end is {@code <=} the level-0 width, so the right and bottom
 * margins narrower than a tile are never tiled.
 *
 * <p><b>Scan order.</b> Row-major, row 0 at the top, columns left to right; a tile's index is
 * {@code row * columns + col} over the full grid, background tiles included, so indices are stable whatever
 * the tissue threshold. {@link org.tessera.tiling.TileGrid#tiles()} lists the kept tiles in increasing index.
 *
 * <p><b>Reading.</b> {@link org.tessera.tiling.TileRead} chooses the coarsest pyramid level whose downsample
 * does not exceed {@code scale} and reads the tile's rectangle there; sub-pixel offsets of the level grid
 * (under one pixel of that level) are ignored.
 */
package org.tessera.tiling;
