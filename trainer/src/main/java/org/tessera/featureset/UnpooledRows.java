package org.tessera.featureset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows kept as they come ({@link Pooling#NONE}), in a growing row-major buffer. A repeated row key is an
 * error: for slide-level rows it usually means the query lacks a filter (one slide under two tilings,
 * stains or backbones), and for tile-level rows a tile read twice.
 */
final class UnpooledRows {
    private final String setName;
    private final boolean tileLevel;
    private final List<String> slides = new ArrayList<>();
    private final List<String> patients = new ArrayList<>();
    private final Map<String, Integer> slideNumbers = new HashMap<>();
    private final Set<Long> tileKeys = new HashSet<>();
    private int[] tiles = new int[0];
    private double[] values = new double[0];
    private int dimension = -1;

    UnpooledRows(String setName, boolean tileLevel) {
        this.setName = setName;
        this.tileLevel = tileLevel;
    }

    void add(String slideId, String patientId, int tileIndex, double[] vector, int length) throws FeatureSetException {
        if (dimension < 0) {
            dimension = length;
        }
        int row = slides.size();
        if (tileLevel) {
            int slideNumber = slideNumbers.computeIfAbsent(slideId, k -> slideNumbers.size());
            if (!tileKeys.add(((long) slideNumber << 32) | (tileIndex & 0xffffffffL))) {
                throw new FeatureSetException("feature set '" + setName + "': slide " + slideId + " tile " + tileIndex
                        + " appears more than once; filter the query to one tiling, backbone and stain");
            }
            if (row == tiles.length) {
                tiles = Arrays.copyOf(tiles, Math.max(16, row * 2));
            }
            tiles[row] = tileIndex;
        } else if (slideNumbers.putIfAbsent(slideId, row) != null) {
            throw new FeatureSetException("feature set '" + setName + "': slide " + slideId
                    + " appears more than once; filter the query to one tiling, backbone and stain, or pool it");
        }
        long needed = (long) (row + 1) * dimension;
        if (needed > values.length) {
            values = Arrays.copyOf(values, Math.toIntExact(Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * values.length))));
        }
        System.arraycopy(vector, 0, values, row * dimension, dimension);
        slides.add(slideId);
        patients.add(patientId);
    }

    FeatureMatrix build(boolean withPatients) {
        int rows = slides.size();
        int cols = Math.max(dimension, 0);
        return FeatureMatrix.adopt(slides, withPatients ? patients.toArray(String[]::new) : null,
                tileLevel ? Arrays.copyOf(tiles, rows) : null, cols, Arrays.copyOf(values, rows * cols));
    }
}
