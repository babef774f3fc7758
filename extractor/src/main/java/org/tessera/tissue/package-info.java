/**
 * Finding tissue on a slide's thumbnail, so that tiles of bare glass, pen ink and debris are never embedded.
 *
 * <p>{@link org.tessera.tissue.TissueDetector} turns an RGB thumbnail into a {@link org.tessera.tissue.TissueMask}:
 * a binary image at thumbnail resolution that remembers how many level-0 pixels one of its pixels spans
 * (its downsample) and answers "what fraction of this level-0 rectangle is tissue?" in constant time.
 * Thumbnail pixel {@code (i, j)} covers the level-0 square {@code [i*d, (i+1)*d) x [j*d, (j+1)*d)} for
 * downsample {@code d}; level-0 coordinates are those of {@link org.tessera.slide.Slide}.
 */
package org.tessera.tissue;
