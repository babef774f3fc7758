/**
 * Fuzz targets of the trainer's readers (model bundles, expression and clinical importers), seeded from
 * {@code ../shared}: the short mutation run of every test run and the Jazzer {@code @FuzzTest} methods that
 * {@code scripts/fuzz} runs coverage-guided.
 */
package org.tessera.fuzz;
