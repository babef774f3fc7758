package org.tessera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The {@code extraction_runs} table: a row is written when a run starts and completed when it ends, so a
 * run that was killed shows up with {@code finished_at} NULL.
 */
public final class RunLog {
    private final Connection connection;

    RunLog(Connection connection) {
        this.connection = connection;
    }

    /** What a run was asked to do. {@code parameters} (a record) is stored as JSON for provenance. */
    public record Start(String backbone, String weightsSha256, String tilingId, String stain, String device, int batchSize,
            String softwareVersion, Object parameters, int slidesSelected) {
    }

    /**
     * How a run ended. {@code failuresJson} is a JSON array of {"slide", "error"} objects (the one-line reasons),
     * {@code failureCausesJson} one of {"slide", "class", "message", "stack_trace"}; {@code failureLog} the
     * store-relative log file with the same, when there was a failure.
     */
    public record Finish(int extracted, int skipped, int failed, long tilesEmbedded, double seconds, String failuresJson,
            String failureCausesJson, java.util.Optional<String> failureLog) {
    }

    public int start(Start s) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO extraction_runs (started_at, backbone, "
                + "weights_sha256, tiling_id, stain, device, batch_size, software_version, parameters, slides_selected) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING run_id")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setString(2, s.backbone());
            p.setString(3, s.weightsSha256());
            p.setString(4, s.tilingId());
            p.setString(5, s.stain());
            p.setString(6, s.device());
            p.setInt(7, s.batchSize());
            p.setString(8, s.softwareVersion());
            p.setString(9, Json.write(s.parameters()));
            p.setInt(10, s.slidesSelected());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * Records how many slides each pixel reader decoded ({@code Slide.reader()}), a JSON object such as
     * {@code {"direct-jpeg": 2, "turbojpeg": 6}}, in {@code readers}.
     */
    public void readers(int runId, String readersJson) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE extraction_runs SET readers = ? WHERE run_id = ?")) {
            p.setString(1, readersJson);
            p.setInt(2, runId);
            p.executeUpdate();
        }
    }

    public void finish(int runId, Finish f) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE extraction_runs SET finished_at = ?, slides_extracted = ?, "
                + "slides_skipped = ?, slides_failed = ?, tiles_embedded = ?, seconds = ?, tiles_per_second = ?, failures = ?, "
                + "failure_causes = ?, failure_log = ? WHERE run_id = ?")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setInt(2, f.extracted());
            p.setInt(3, f.skipped());
            p.setInt(4, f.failed());
            p.setLong(5, f.tilesEmbedded());
            p.setDouble(6, f.seconds());
            p.setDouble(7, f.seconds() > 0 ? f.tilesEmbedded() / f.seconds() : 0);
            p.setString(8, f.failuresJson());
            p.setString(9, f.failureCausesJson());
            p.setString(10, f.failureLog().orElse(null));
            p.setInt(11, runId);
            p.executeUpdate();
        }
    }
}
