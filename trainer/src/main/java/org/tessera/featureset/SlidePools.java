package org.tessera.featureset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-slide running pools of tile vectors: memory is one small state per slide, whatever the number of
 * tiles. Mean and variance use Welford's update (numerically stable in one pass, in double precision);
 * the standard deviation is the population one (divisor n). Slides are returned sorted by id so the result
 * does not depend on the order DuckDB streams rows in.
 */
final class SlidePools {
    private final String setName;
    private final Pooling pooling;
    private final Map<String, Pool> pools = new HashMap<>();
    private int dimension = -1;

    SlidePools(String setName, Pooling pooling) {
        if (pooling == Pooling.NONE) {
            throw new IllegalArgumentException("pooling NONE does not pool");
        }
        this.setName = setName;
        this.pooling = pooling;
    }

    private static final class Pool {
        final String patientId;
        long n;
        final double[] mean;
        final double[] m2;
        final double[] max;

        Pool(String patientId, int dimension, Pooling pooling) {
            this.patientId = patientId;
            this.mean = pooling == Pooling.MAX ? null : new double[dimension];
            this.m2 = pooling == Pooling.MEAN_STD ? new double[dimension] : null;
            this.max = pooling == Pooling.MAX ? new double[dimension] : null;
        }
    }

    void add(String slideId, String patientId, double[] vector, int length) throws FeatureSetException {
        if (dimension < 0) {
            dimension = length;
        }
        Pool p = pools.get(slideId);
        if (p == null) {
            p = new Pool(patientId, dimension, pooling);
            pools.put(slideId, p);
        } else if (!Objects.equals(p.patientId, patientId)) {
            throw new FeatureSetException("feature set '" + setName + "': slide " + slideId + " has rows of two patients, "
                    + p.patientId + " and " + patientId);
        }
        p.n++;
        if (p.max != null) {
            if (p.n == 1) {
                System.arraycopy(vector, 0, p.max, 0, length);
            } else {
                for (int j = 0; j < length; j++) {
                    p.max[j] = Math.max(p.max[j], vector[j]);
                }
            }
            return;
        }
        double inverse = 1.0 / p.n;
        for (int j = 0; j < length; j++) {
            double delta = vector[j] - p.mean[j];
            p.mean[j] += delta * inverse;
            if (p.m2 != null) {
                p.m2[j] += delta * (vector[j] - p.mean[j]);
            }
        }
    }

    FeatureMatrix build(boolean withPatients) {
        List<String> ids = new ArrayList<>(pools.keySet());
        ids.sort(null);
        int d = Math.max(dimension, 0);
        int cols = pooling.columns(d);
        double[] values = new double[Math.multiplyExact(ids.size(), cols)];
        String[] patients = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Pool p = pools.get(ids.get(i));
            patients[i] = p.patientId;
            int at = i * cols;
            switch (pooling) {
                case MEAN -> System.arraycopy(p.mean, 0, values, at, d);
                case MAX -> System.arraycopy(p.max, 0, values, at, d);
                case MEAN_STD -> {
                    System.arraycopy(p.mean, 0, values, at, d);
                    for (int j = 0; j < d; j++) {
                        values[at + d + j] = Math.sqrt(Math.max(0.0, p.m2[j] / p.n));
                    }
                }
                case NONE -> throw new AssertionError("NONE is rejected by the constructor");
            }
        }
        return FeatureMatrix.adopt(ids, withPatients ? patients : null, null, cols, values);
    }
}
