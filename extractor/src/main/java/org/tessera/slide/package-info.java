/**
 * Whole-slide images: opening a file as a {@link org.tessera.slide.Slide} and reading RGB regions from it.
 *
 * <h2>Coordinates</h2>
 * All positions are level-0 (full resolution) pixels, origin at the top-left corner, x to the right and y
 * downwards. {@code readRegion(x, y, level, w, h)} takes its top-left corner in level-0 pixels and its size
 * in pixels of the requested level, as OpenSlide does. A level's downsample is level-0 pixels per level
 * pixel and need not be an integer (the TCGA slide's level 1 is 2.0005). Regions may extend past the slide:
 * pixels outside it, and transparent pixels inside it, come back as the slide's background colour (OpenSlide's
 * {@code openslide.background-color}, white when unstated). Pixel size is micrometres per level-0 pixel;
 * it comes from {@code openslide.mpp-x} or the user's {@code --mpp}, never from "magnification".
 *
 * <h2>Choosing a reader</h2>
 * {@link org.tessera.slide.Slides#open} probes the file's content: OpenSlide's vendor detection first
 * ({@link org.tessera.slide.OpenSlideSlide}), then ImageIO's readers ({@link org.tessera.slide.ImageSlide}).
 * The OpenSlide binding ({@code OpenSlideNative}) uses the Java 25 foreign function API against the system's
 * {@code libopenslide.so.0}; without it, plain images still open. An Aperio or generic-tiff slide with JPEG
 * tiles is then wrapped by {@link org.tessera.slide.DirectJpegSlide}, which reads the TIFF directories itself
 * ({@code TiffFile}, pure Java) and decodes the stored tiles with libjpeg-turbo ({@code TurboJpegNative},
 * {@code libturbojpeg.so.0}), once a few regions at open came out exactly as OpenSlide's. Plain YCbCr JPEGs are
 * decoded with libjpeg-turbo as well ({@code JpegImages}), with ImageIO's exact pixels.
 * {@link org.tessera.slide.Slide#reader()} names the reader a slide uses.
 *
 * <h2>Threads</h2>
 * A slide may be read from several threads at once. {@code OpenSlideSlide}: OpenSlide itself is thread-safe
 * for reads on one handle (it has its own locked tile cache), every call gets its own confined arena for its
 * buffers, and reads hold the read half of a read/write lock whose write half {@code close()} takes, so a
 * close waits for reads in flight and no read can reach a freed handle (later reads throw
 * {@link java.lang.IllegalStateException}). {@code ImageSlide}: the image is decoded once under a lock into
 * memory never written again (native memory from {@code PixelMemory} for libjpeg-turbo, recycled from one image
 * to the next), and reads only copy out of it; {@code close()} frees it through a shared arena, so a read
 * still running then throws {@link java.lang.IllegalStateException} instead of touching freed memory. {@code DirectJpegSlide}: positional file reads,
 * one libjpeg-turbo decompressor per thread, and a tile cache locked only around its map operations. Metadata is read once at open and immutable.
 */
package org.tessera.slide;
