package org.tessera.spatial;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.SlideImporter;
import org.tessera.slide.Dimensions;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;

/**
 * Imports a spatial transcriptomics section into the store's tables {@code st_sections}, {@code spots},
 * {@code spot_expression} (non-zero counts only) and {@code st_genes} (V008__spatial.sql), in one transaction
 * that first deletes the section's rows, so re-importing replaces it. The section's H&E image, when given, is
 * registered as a slide of the catalogue with the section's pixel size (so spot-centred patches can be cut
 * from it later) after checking that every spot centre lies inside it. Spots whose library size is 0 are
 * dropped (their count is reported). The pixel size comes from, in this order: the user, Visium's
 * {@code scalefactors_json.json}, or a least-squares fit of the legacy array's spot pitch ({@link SpotPitch}).
 */
public final class StImport {
    private StImport() {
    }

    /** What was read: the section, its platform ('legacy-st' or 'visium'), source, spot diameter and any scale-factor mpp. */
    public record Source(Section section, String platform, Path source, double spotDiameterUm, OptionalDouble scalefactorMpp) {
        /** A legacy ST section (HER2ST layout, 100 um spots): see {@link LegacyStReader}. */
        public static Source legacy(String name, Path counts, Path selection) throws IOException {
            return new Source(LegacyStReader.read(name, counts, selection), "legacy-st", counts.toAbsolutePath().normalize(), 100,
                    OptionalDouble.empty());
        }

        /** A Visium Space Ranger folder (55 um spots): see {@link VisiumReader}. */
        public static Source visium(String name, Path dir) throws IOException {
            VisiumReader.Sample s = VisiumReader.read(name, dir);
            return new Source(s.section(), "visium", dir.toAbsolutePath().normalize(), VisiumReader.SPOT_DIAMETER_UM, s.scalefactorMpp());
        }
    }

    /** The user's choices; {@code mpp} overrides every other source of the pixel size. */
    public record Options(Normalisation normalisation, OptionalDouble mpp, double spotPitchUm, Optional<Path> image,
            Optional<String> patient, Optional<String> cohort) {
        public static Options defaults() {
            return new Options(Normalisation.CP10K_LOG1P, OptionalDouble.empty(), Her2st.PITCH_UM, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        public Options withImage(Path p) {
            return new Options(normalisation, mpp, spotPitchUm, Optional.of(p), patient, cohort);
        }

        public Options withPatient(String p) {
            return new Options(normalisation, mpp, spotPitchUm, image, Optional.ofNullable(p), cohort);
        }
    }

    /**
     * What was stored. {@code mpp} is empty (and the source 'none') for a Visium folder without scale factors or --mpp;
     * {@code seconds} is the time of {@link #run} (image check, registration and writing), not of reading the source.
     */
    public record Result(String section, String platform, int spots, int genes, int emptySpotsDropped, long nonZero, OptionalDouble mpp,
            String mppSource, double medianLibrarySize, Optional<String> slideId, double seconds) {
    }

    public static Result run(FeatureStore store, Source src, Options o) throws IOException, SQLException {
        long start = System.nanoTime();
        Section s = src.section();
        long[] libraries = s.librarySizes();
        int kept = 0;
        for (long l : libraries) {
            kept += l > 0 ? 1 : 0;
        }
        int dropped = libraries.length - kept;
        if (kept == 0) {
            throw new IOException(src.source() + ": section " + s.name() + " has no spot with a non-zero count");
        }
        OptionalDouble mpp;
        String mppSource;
        if (o.mpp().isPresent()) {
            mpp = o.mpp();
            mppSource = "user";
        } else if (src.scalefactorMpp().isPresent()) {
            mpp = src.scalefactorMpp();
            mppSource = "scalefactors";
        } else if (src.platform().equals("legacy-st")) {
            mpp = OptionalDouble.of(SpotPitch.fit(s, o.spotPitchUm()).mpp());
            mppSource = "spot-pitch";
        } else {
            mpp = OptionalDouble.empty();
            mppSource = "none";
        }
        Optional<String> slideId = Optional.empty();
        if (o.image().isPresent()) {
            Path image = o.image().get();
            if (mpp.isEmpty()) {
                throw new IOException(src.source() + ": no pixel size for the image " + image + " (no scalefactors_json.json); give --mpp");
            }
            checkInside(s, image, mpp);
            SlideImporter.Report r = SlideImporter.add(store, List.of(new SlideImporter.Entry(image, mpp, o.patient(), o.cohort())));
            if (!r.failures().isEmpty()) {
                ExtractionReport.Failure f = r.failures().get(0);
                throw new IOException(f.slide() + ": cannot register the section image: " + f.error());
            }
            slideId = Optional.of(r.added().get(0).slide().slideId());
        }
        long nonZero = write(store, src, o, mpp, mppSource, slideId, libraries, kept);
        double median = org.tessera.stats.Quantiles.median(Arrays.stream(libraries).filter(l -> l > 0).asDoubleStream().toArray());
        return new Result(s.name(), src.platform(), kept, s.genes().size(), dropped, nonZero, mpp, mppSource, median, slideId,
                (System.nanoTime() - start) / 1e9);
    }

    /** Every spot centre must be a pixel of the image. */
    private static void checkInside(Section s, Path image, OptionalDouble mpp) throws IOException {
        Dimensions d;
        try (Slide slide = Slides.open(image, mpp)) {
            d = slide.levelDimensions(0);
        }
        for (Section.Spot spot : s.spots()) {
            if (!(spot.pixelX() >= 0 && spot.pixelX() < d.width() && spot.pixelY() >= 0 && spot.pixelY() < d.height())) {
                throw new IOException(image + ": spot '" + spot.id() + "' of section " + s.name() + " has its centre (" + spot.pixelX() + ", "
                        + spot.pixelY() + ") outside the " + d.width() + "x" + d.height() + " image");
            }
        }
    }

    private static long write(FeatureStore store, Source src, Options o, OptionalDouble mpp, String mppSource, Optional<String> slideId,
            long[] libraries, int kept) throws SQLException {
        Section s = src.section();
        String name = s.name();
        int nGenes = s.genes().size();
        Normalisation norm = o.normalisation();
        long[] nonZero = {0};
        store.inTransaction(c -> {
            for (String table : List.of("spot_expression", "spots", "st_genes", "st_sections")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE section = ?")) {
                    p.setString(1, name);
                    p.executeUpdate();
                }
            }
            insertSection(c, src, o, mpp, mppSource, slideId, kept);
            try (Statement st = c.createStatement()) {
                // Expression rows are appended as numbers (spot and gene index) and joined to their names in SQL:
                // appending three strings per row through JDBC costs more than DuckDB's vectorised join.
                st.execute("CREATE OR REPLACE TEMP TABLE st_import_values (spot INTEGER, gene INTEGER, count INTEGER, value DOUBLE)");
                st.execute("CREATE OR REPLACE TEMP TABLE st_import_spots (spot INTEGER, spot_id VARCHAR)");
                st.execute("CREATE OR REPLACE TEMP TABLE st_import_genes (gene INTEGER, name VARCHAR)");
            }
            long[] totals = new long[nGenes];
            try (DuckDBAppender spots = appender(c, "spots"); DuckDBAppender ids = appender(c, "st_import_spots");
                    DuckDBAppender values = appender(c, "st_import_values")) {
                for (int i = 0; i < libraries.length; i++) {
                    if (libraries[i] == 0) {
                        continue;
                    }
                    Section.Spot spot = s.spots().get(i);
                    spots.beginRow();
                    spots.append(name);
                    spots.append(spot.id());
                    appendNullable(spots, o.patient());
                    spots.append(spot.arrayX());
                    spots.append(spot.arrayY());
                    spots.append(spot.pixelX());
                    spots.append(spot.pixelY());
                    spots.append(libraries[i]);
                    spots.append(norm.zero(libraries[i], nGenes));
                    spots.endRow();
                    ids.beginRow();
                    ids.append(i);
                    ids.append(spot.id());
                    ids.endRow();
                    for (int k = s.start(i); k < s.end(i); k++) {
                        int g = s.gene(k);
                        totals[g] += s.count(k);
                        values.beginRow();
                        values.append(i);
                        values.append(g);
                        values.append(s.count(k));
                        values.append(norm.value(s.count(k), libraries[i], nGenes));
                        values.endRow();
                        nonZero[0]++;
                    }
                }
            }
            try (DuckDBAppender genes = appender(c, "st_genes"); DuckDBAppender names = appender(c, "st_import_genes")) {
                for (int g = 0; g < nGenes; g++) {
                    genes.beginRow();
                    genes.append(name);
                    genes.append(s.genes().get(g));
                    genes.append(totals[g]);
                    genes.endRow();
                    names.beginRow();
                    names.append(g);
                    names.append(s.genes().get(g));
                    names.endRow();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO spot_expression SELECT ?, s.spot_id, g.name, v.count, v.value "
                    + "FROM st_import_values v JOIN st_import_spots s USING (spot) JOIN st_import_genes g USING (gene)");
                    Statement st = c.createStatement()) {
                p.setString(1, name);
                long inserted = p.executeLargeUpdate();
                if (inserted != nonZero[0]) {
                    throw new SQLException(name + ": " + inserted + " expression rows stored of " + nonZero[0]);
                }
                st.execute("DROP TABLE st_import_values");
                st.execute("DROP TABLE st_import_spots");
                st.execute("DROP TABLE st_import_genes");
            }
        });
        return nonZero[0];
    }

    private static void insertSection(Connection c, Source src, Options o, OptionalDouble mpp, String mppSource, Optional<String> slideId,
            int kept) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO st_sections (section, patient_id, slide_id, platform, source, "
                + "normalisation, spot_diameter_um, mpp, mpp_source, n_spots, n_genes) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, src.section().name());
            p.setString(2, o.patient().orElse(null));
            p.setString(3, slideId.orElse(null));
            p.setString(4, src.platform());
            p.setString(5, src.source().toString());
            p.setString(6, o.normalisation().label());
            p.setDouble(7, src.spotDiameterUm());
            if (mpp.isPresent()) {
                p.setDouble(8, mpp.getAsDouble());
                p.setString(9, mppSource);
            } else {
                p.setNull(8, Types.DOUBLE);
                p.setNull(9, Types.VARCHAR);
            }
            p.setInt(10, kept);
            p.setInt(11, src.section().genes().size());
            p.executeUpdate();
        }
    }

    private static DuckDBAppender appender(Connection c, String table) throws SQLException {
        return ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    private static void appendNullable(DuckDBAppender a, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            a.append(v.get());
        } else {
            a.appendNull();
        }
    }
}
