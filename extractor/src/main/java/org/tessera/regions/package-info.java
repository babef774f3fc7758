/**
 * Annotated regions of a slide and how much of each tile they cover. Annotations come from QuPath's GeoJSON
 * export ({@link org.tessera.regions.GeoJsonAnnotations}) or a label-mask image
 * ({@link org.tessera.regions.LabelMaskAnnotations}); geometry (validity, unions, intersections) is LocationTech
 * JTS, never hand-written. {@link org.tessera.regions.RegionImport} stores a file's annotations in
 * {@code annotations} and recomputes the slide's {@code tile_regions} for every tile grid
 * ({@link org.tessera.regions.Coverage}); embeddings are never touched. Coordinates are level-0 pixels, x to the
 * right and y down, as QuPath writes them.
 */
package org.tessera.regions;
