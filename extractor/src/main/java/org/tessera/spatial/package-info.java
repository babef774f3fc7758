/**
 * Spatial transcriptomics sections: spots with their array position, pixel centre in the section's image
 * (level-0 pixels of the slide made from that image) and raw counts per gene.
 */
package org.tessera.spatial;
