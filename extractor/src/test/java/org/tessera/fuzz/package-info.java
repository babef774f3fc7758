/**
 * Fuzz targets of the extractor's readers (backbone card, legacy ST, Visium MTX and HDF5, plain images, OpenSlide
 * slides), their seeds cut from the real files in {@code ../shared}, the short mutation run of every test run and
 * the Jazzer {@code @FuzzTest} methods that {@code scripts/fuzz} runs coverage-guided.
 */
package org.tessera.fuzz;
