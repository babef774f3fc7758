package org.tessera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cohorts, patients and slides. A slide is registered by its fingerprint: adding a renamed or moved copy
 * finds the existing slide, records the new path in {@code slide_files} and keeps the slide id.
 */
public final class SlideCatalogue {
    private static final String COLUMNS = "slide_id, fingerprint, name, path, vendor, mpp, mpp_source, objective_power, "
            + "width, height, levels, patient_id, cohort, file_bytes";

    private final Connection connection;

    SlideCatalogue(Connection connection) {
        this.connection = connection;
    }

    /** The outcome of registering a slide: its record as stored and whether the store already knew it. */
    public record Registration(SlideRecord slide, boolean known) {
    }

    /**
     * Adds a slide, or recognises it by fingerprint. For a known slide the path is updated, and patient,
     * cohort and a user-given pixel size are updated when given; everything else stays as first stored.
     */
    public Registration register(SlideRecord slide) throws SQLException {
        Optional<SlideRecord> existing = byFingerprint(slide.fingerprint());
        FeatureStore.inTransaction(connection, c -> {
            slide.cohort().ifPresent(cohort -> ensureCohort(c, cohort));
            if (slide.patientId().isPresent()) {
                ensurePatient(c, slide.patientId().get(), slide.cohort());
            }
            if (existing.isEmpty()) {
                insert(c, slide);
            } else {
                update(c, existing.get(), slide);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR REPLACE INTO slide_files (path, slide_id, seen_at) VALUES (?, ?, current_timestamp)")) {
                p.setString(1, slide.path());
                p.setString(2, existing.map(SlideRecord::slideId).orElse(slide.slideId()));
                p.executeUpdate();
            }
        });
        return new Registration(byFingerprint(slide.fingerprint()).orElseThrow(), existing.isPresent());
    }

    private static void insert(Connection c, SlideRecord s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO slides (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, s.slideId());
            p.setString(2, s.fingerprint());
            p.setString(3, s.name());
            p.setString(4, s.path());
            p.setString(5, s.vendor());
            p.setDouble(6, s.mpp());
            p.setString(7, s.mppSource());
            setOptionalDouble(p, 8, s.objectivePower());
            p.setLong(9, s.width());
            p.setLong(10, s.height());
            p.setInt(11, s.levels());
            setOptionalString(p, 12, s.patientId());
            setOptionalString(p, 13, s.cohort());
            p.setLong(14, s.fileBytes());
            p.executeUpdate();
        }
    }

    private static void update(Connection c, SlideRecord old, SlideRecord s) throws SQLException {
        boolean userMpp = s.mppSource().equals("user");
        try (PreparedStatement p = c.prepareStatement("UPDATE slides SET path = ?, mpp = ?, mpp_source = ?, "
                + "patient_id = coalesce(?, patient_id), cohort = coalesce(?, cohort) WHERE slide_id = ?")) {
            p.setString(1, s.path());
            p.setDouble(2, userMpp ? s.mpp() : old.mpp());
            p.setString(3, userMpp ? "user" : old.mppSource());
            setOptionalString(p, 4, s.patientId());
            setOptionalString(p, 5, s.cohort());
            p.setString(6, old.slideId());
            p.executeUpdate();
        }
    }

    private static void ensureCohort(Connection c, String cohort) {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO cohorts (cohort) VALUES (?)")) {
            p.setString(1, cohort);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record cohort " + cohort + ": " + e.getMessage(), e);
        }
    }

    private static void ensurePatient(Connection c, String patient, Optional<String> cohort) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO patients (patient_id, cohort) VALUES (?, ?) "
                + "ON CONFLICT (patient_id) DO UPDATE SET cohort = coalesce(excluded.cohort, patients.cohort)")) {
            p.setString(1, patient);
            setOptionalString(p, 2, cohort);
            p.executeUpdate();
        }
    }

    public Optional<SlideRecord> byFingerprint(String fingerprint) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM slides WHERE fingerprint = ?", fingerprint);
    }

    public Optional<SlideRecord> byId(String slideId) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM slides WHERE slide_id = ?", slideId);
    }

    /** All slides, in slide-id order. */
    public List<SlideRecord> all() throws SQLException {
        return select("SELECT slide_id FROM slides");
    }

    /**
     * The slides whose ids a user's query returns (first column), e.g.
     * {@code SELECT slide_id FROM slides WHERE cohort = 'HER2ST'}; in slide-id order, without repeats.
     */
    public List<SlideRecord> select(String slideIdQuery) throws SQLException {
        List<SlideRecord> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT " + COLUMNS + " FROM slides WHERE slide_id IN (SELECT * FROM ("
                        + slideIdQuery + ")) ORDER BY slide_id")) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    private Optional<SlideRecord> one(String sql, String key) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static SlideRecord read(ResultSet r) throws SQLException {
        double power = r.getDouble(8);
        Optional<Double> objective = r.wasNull() ? Optional.empty() : Optional.of(power);
        return new SlideRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getDouble(6), r.getString(7), objective, r.getLong(9), r.getLong(10), r.getInt(11),
                Optional.ofNullable(r.getString(12)), Optional.ofNullable(r.getString(13)), r.getLong(14));
    }

    private static void setOptionalString(PreparedStatement p, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            p.setString(i, v.get());
        } else {
            p.setNull(i, Types.VARCHAR);
        }
    }

    private static void setOptionalDouble(PreparedStatement p, int i, Optional<Double> v) throws SQLException {
        if (v.isPresent()) {
            p.setDouble(i, v.get());
        } else {
            p.setNull(i, Types.DOUBLE);
        }
    }
}
