/**
 * Example inputs the demo makes from the shared data, where the shared data has none of that kind: a QuPath-shaped
 * annotation file for a HER2ST section ({@link org.tessera.examples.Her2stAnnotationExample}) and a tissue
 * microarray composed from real tissue ({@link org.tessera.examples.TmaComposer}); {@link
 * org.tessera.examples.RegionExamples} imports, de-arrays and extracts them. Everything made here is marked as
 * made by Tessera, never as a pathologist's or a TMA maker's work.
 */
package org.tessera.examples;
