package org.tessera.featureset;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The columns a feature-set reader needs, found by name in one Arrow record batch. DuckDB exports FLOAT[]
 * as a list of Float4 and FLOAT[n] as a fixed-size list; DOUBLE element types are accepted too. Strings are
 * read through {@code getObject}, which covers every Arrow string layout DuckDB may choose.
 */
final class BatchColumns {
    static final String SLIDE_ID = "slide_id";
    static final String TILE_INDEX = "tile_index";
    static final String PATIENT_ID = "patient_id";
    static final String VECTOR = "vector";

    private final String setName;
    private final FieldVector slide;
    private final FieldVector tile;
    private final FieldVector patient;
    private final FieldVector vector;
    private final FieldVector data;

    BatchColumns(String setName, VectorSchemaRoot root) throws FeatureSetException {
        this.setName = setName;
        this.slide = required(root, SLIDE_ID);
        this.vector = required(root, VECTOR);
        this.tile = root.getVector(TILE_INDEX);
        this.patient = root.getVector(PATIENT_ID);
        if (tile != null && !(tile instanceof BaseIntVector)) {
            throw new FeatureSetException("feature set '" + setName + "': column tile_index must be an integer, got "
                    + tile.getField().getType());
        }
        FieldVector elements;
        if (vector instanceof ListVector list) {
            elements = list.getDataVector();
        } else if (vector instanceof FixedSizeListVector fixed) {
            elements = fixed.getDataVector();
        } else {
            throw new FeatureSetException("feature set '" + setName + "': column vector must be FLOAT[] or DOUBLE[], got "
                    + vector.getField().getType());
        }
        if (!(elements instanceof Float4Vector) && !(elements instanceof Float8Vector)) {
            throw new FeatureSetException("feature set '" + setName + "': column vector must hold FLOAT or DOUBLE values, got "
                    + elements.getField().getType());
        }
        this.data = elements;
    }

    private FieldVector required(VectorSchemaRoot root, String name) throws FeatureSetException {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new FeatureSetException("feature set '" + setName + "': the query must return a column named " + name
                    + "; it returned " + root.getSchema().getFields().stream().map(f -> f.getName()).toList());
        }
        return v;
    }

    boolean hasTileIndex() {
        return tile != null;
    }

    boolean hasPatientId() {
        return patient != null;
    }

    String slideId(int row) throws FeatureSetException {
        Object v = slide.getObject(row);
        if (v == null) {
            throw new FeatureSetException("feature set '" + setName + "': a row has a null slide_id");
        }
        return v.toString();
    }

    /** The patient id, or null when the column is absent or the value is null. */
    String patientId(int row) {
        if (patient == null) {
            return null;
        }
        Object v = patient.getObject(row);
        return v == null ? null : v.toString();
    }

    int tileIndex(int row, String slideId) throws FeatureSetException {
        if (tile.isNull(row)) {
            throw new FeatureSetException("feature set '" + setName + "': slide " + slideId + " has a row with a null tile_index");
        }
        return Math.toIntExact(((BaseIntVector) tile).getValueAsLong(row));
    }

    /** The number of values in a row's vector. */
    int length(int row, String slideId) throws FeatureSetException {
        if (vector.isNull(row)) {
            throw new FeatureSetException("feature set '" + setName + "': slide " + slideId + " has a null vector");
        }
        if (vector instanceof ListVector list) {
            return list.getElementEndIndex(row) - list.getElementStartIndex(row);
        }
        return ((FixedSizeListVector) vector).getListSize();
    }

    /** Copies a row's vector into {@code out[0 .. length)}. */
    void copy(int row, double[] out, int length, String slideId) throws FeatureSetException {
        int start = vector instanceof ListVector list ? list.getElementStartIndex(row)
                : row * ((FixedSizeListVector) vector).getListSize();
        if (data.getNullCount() > 0) {
            for (int j = 0; j < length; j++) {
                if (data.isNull(start + j)) {
                    throw new FeatureSetException("feature set '" + setName + "': slide " + slideId
                            + " has a null value at position " + j + " of its vector");
                }
            }
        }
        if (data instanceof Float4Vector f) {
            for (int j = 0; j < length; j++) {
                out[j] = f.get(start + j);
            }
        } else {
            Float8Vector d = (Float8Vector) data;
            for (int j = 0; j < length; j++) {
                out[j] = d.get(start + j);
            }
        }
    }
}
