/**
 * Tissue microarrays: cores found as connected components of a slide's tissue mask
 * ({@link org.tessera.tma.CoreFinder}), a rotated, sheared grid fitted to their centres so jittered cores
 * still land on their place ({@link org.tessera.tma.GridFitter}), labels in the usual row-letter /
 * column-number form ({@link org.tessera.tma.CoreLabel}), a core map assigning patients
 * ({@link org.tessera.tma.CoreMap}), and {@link org.tessera.tma.TmaDearray}, which stores the cores
 * ({@code tma_cores}, and each core as an annotation of class "TMA core") and writes a preview PNG
 * ({@link org.tessera.tma.TmaPreview}). Coordinates are level-0 pixels.
 */
package org.tessera.tma;
