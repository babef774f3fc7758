package org.tessera.targets;

import java.util.List;
import java.util.Objects;

/**
 * What a clinical import stored in the table {@code clinical}.
 *
 * @param importId      its row in {@code clinical_imports}
 * @param source        the file
 * @param fileSha256    the file's sha256
 * @param patientColumn the file's header the patient ids came from
 * @param patients      rows (one per patient)
 * @param columns       the table's columns after patient_id, in file order
 * @param seconds       wall time
 */
public record ClinicalImport(int importId, String source, String fileSha256, String patientColumn, int patients, List<Column> columns,
        double seconds) {
    /** A column of {@code clinical}: its SQL name, the file's header, and DuckDB's type (BIGINT, DOUBLE or VARCHAR). */
    public record Column(String name, String header, String type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(type, "type");
        }
    }

    public ClinicalImport {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no clinical column " + name + " (have " + columns.stream().map(Column::name).toList() + ")"));
    }
}
