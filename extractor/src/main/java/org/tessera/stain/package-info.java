/**
 * Stain normalisation of H&amp;E tiles, so that embeddings depend less on the lab and the scanner that made
 * the slide. {@link org.tessera.stain.MacenkoNormalizer} maps each tile's haematoxylin and eosin onto a
 * reference stain matrix; {@link org.tessera.stain.StainNormalization} names the method and its parameters and
 * travels with the features as provenance.
 */
package org.tessera.stain;
