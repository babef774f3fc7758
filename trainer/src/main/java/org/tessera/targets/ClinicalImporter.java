package org.tessera.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tessera.store.FeatureStore;
import org.tessera.store.Json;
import org.tessera.store.Ids;

/**
 * Imports a clinical table (cBioPortal's TSV exports, any CSV or TSV with one row per patient, or Parquet)
 * as the table {@code clinical}, replacing the previous one, and logs it in {@code clinical_imports}.
 *
 * <p>Columns keep the file's order under snake_case names ({@link ColumnNames}). DuckDB types them from
 * the whole file, choosing among BIGINT, DOUBLE and VARCHAR only: dates and yes/no answers stay as written
 * (1/13/14 is no safe date). Cells reading NA, N/A, [Not Available], [Not Applicable], [Unknown] or empty are
 * NULL. The patient column is the one named patient_id (or 'Patient ID', PATIENT_ID, patient,
 * bcr_patient_barcode), else the first column holding only TCGA barcodes; TCGA barcodes are cut to the
 * patient (TCGA-XX-XXXX) as in the slide catalogue. Two rows for one patient are an error.
 */
public final class ClinicalImporter {
    private static final String RAW = "tessera_clinical_raw";
    private static final List<String> PATIENT_NAMES = List.of("patient_id", "patient", "patientid", "bcr_patient_barcode", "case_submitter_id");
    private static final String TEXT_OPTIONS = ", nullstr=['NA', 'N/A', '[Not Available]', '[Not Applicable]', '[Unknown]', '']"
            + ", auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR'], sample_size=-1";

    private ClinicalImporter() {
    }

    public static ClinicalImport importFile(FeatureStore store, Path file) throws IOException, SQLException {
        long start = System.nanoTime();
        Connection c = store.connection();
        try {
            TableFile table = TableFile.open(file, c);
            table.load(c, RAW, TEXT_OPTIONS);
            List<String> duck = TableFile.columns(c, RAW);
            List<String> names = ColumnNames.of(table.header());
            int patientColumn = patientColumn(c, table, names, duck);
            List<String> patients = patients(c, table, duck.get(patientColumn));
            StringBuilder select = new StringBuilder("SELECT p.patient_id");
            for (int i = 0; i < duck.size(); i++) {
                if (!names.get(i).equals("patient_id")) {
                    select.append(", r.").append(SqlText.identifier(duck.get(i))).append(" AS ").append(SqlText.identifier(names.get(i)));
                }
            }
            select.append(" FROM ").append(RAW).append(" AS r JOIN (SELECT unnest(").append(SqlText.list(patients))
                    .append(") AS patient_id, unnest(range(").append(patients.size()).append(")) AS __row) AS p ON p.__row = r.rowid ORDER BY r.rowid");
            String sha = table.sha256();
            int[] id = new int[1];
            List<ClinicalImport.Column> columns = new ArrayList<>();
            store.inTransaction(tx -> {
                Tables.execute(tx, "DROP TABLE IF EXISTS clinical");
                Tables.execute(tx, "CREATE TABLE clinical AS " + select);
                columns.addAll(describe(tx, table.header(), names));
                try (PreparedStatement p = tx.prepareStatement("INSERT INTO clinical_imports (source, file_sha256, patient_column, n_patients, "
                        + "columns) VALUES (?, ?, ?, ?, ?) RETURNING import_id")) {
                    p.setString(1, table.path().toString());
                    p.setString(2, sha);
                    p.setString(3, table.header().get(patientColumn));
                    p.setInt(4, patients.size());
                    p.setString(5, Json.write(columns.stream().map(ClinicalImporter::json).toList()));
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        id[0] = r.getInt(1);
                    }
                }
            });
            return new ClinicalImport(id[0], table.path().toString(), sha, table.header().get(patientColumn), patients.size(), columns,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            Tables.execute(c, "DROP TABLE IF EXISTS " + RAW);
        }
    }

    private static int patientColumn(Connection c, TableFile table, List<String> names, List<String> duck) throws SQLException, ImportException {
        for (String wanted : PATIENT_NAMES) {
            if (names.contains(wanted)) {
                return names.indexOf(wanted);
            }
        }
        for (int i = 0; i < duck.size(); i++) {
            List<String> values = Tables.strings(c, "SELECT DISTINCT CAST(" + SqlText.identifier(duck.get(i)) + " AS VARCHAR) FROM " + RAW);
            if (values.stream().allMatch(v -> v != null && Ids.tcgaPatient(v).isPresent())) {
                return i;
            }
        }
        throw new ImportException(table.path() + ": no patient column: expected one named 'Patient ID' or patient_id, or a column of TCGA barcodes "
                + "(header: " + String.join(", ", table.header()) + ")");
    }

    /** Patient ids in row order; every row needs one, and only one row per patient. */
    private static List<String> patients(Connection c, TableFile table, String column) throws SQLException, ImportException {
        List<String> raw = Tables.strings(c, "SELECT CAST(" + SqlText.identifier(column) + " AS VARCHAR) FROM " + RAW + " ORDER BY rowid");
        List<String> patients = new ArrayList<>();
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String v = raw.get(i) == null ? "" : raw.get(i).strip();
            if (v.isEmpty()) {
                throw new ImportException(table.path() + ": " + table.where(i) + " has no patient id (column '" + column + "')");
            }
            String p = Ids.tcgaPatient(v).orElse(v);
            patients.add(p);
            rows.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
        }
        List<String> repeated = rows.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (" + e.getValue().stream().map(table::where).collect(Collectors.joining(", ")) + ")").toList();
        if (!repeated.isEmpty()) {
            throw new ImportException(table.path() + ": clinical data needs one row per patient, but " + repeated.size() + " patient"
                    + (repeated.size() == 1 ? " has" : "s have") + " several: " + String.join("; ", repeated.subList(0, Math.min(10, repeated.size())))
                    + (repeated.size() > 10 ? "; ..." : ""));
        }
        if (patients.isEmpty()) {
            throw new ImportException(table.path() + ": no data rows below the header");
        }
        return patients;
    }

    private static List<ClinicalImport.Column> describe(Connection c, List<String> headers, List<String> names) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE clinical)")) {
            while (r.next()) {
                types.put(r.getString(1), r.getString(2));
            }
        }
        List<ClinicalImport.Column> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            out.add(new ClinicalImport.Column(name, headers.get(i), Optional.ofNullable(types.get(name)).orElseThrow()));
        }
        return out;
    }

    private static Map<String, Object> json(ClinicalImport.Column column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", column.name());
        m.put("header", column.header());
        m.put("type", column.type());
        return m;
    }
}
