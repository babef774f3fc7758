package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tessera.store.FeatureStore;
import org.tessera.survival.SurvivalData;
import org.tessera.survival.SurvivalTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every {@code tessera survival} command shares: where the rows come from (a store table, a
 * query on the store, or a CSV/TSV file), which columns hold the time and the event, and the output format.
 * {@link #load} reads the rows and drops those missing a value in any column the command uses, saying how
 * many on stderr (never silently, as R's {@code na.omit} reports "n observations deleted").
 */
final class SurvivalSource {
    static final class From {
        @Option(names = "--table", paramLabel = "NAME", description = "A table or view of the store, e.g. clinical.")
        String table;

        @Option(names = "--sql", paramLabel = "QUERY", description = "A query on the store giving one row per patient.")
        String sql;

        @Option(names = "--file", paramLabel = "PATH", description = "A CSV or TSV file (NA or empty = missing).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @Mixin
    StoreOption store;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Time to event or censoring (>= 0).")
    String time;

    @Option(names = "--event", required = true, paramLabel = "COL",
            description = "Event indicator: 1/0, TRUE/FALSE, yes/no, dead/alive, or cBioPortal's '1:DECEASED'/'0:LIVING'.")
    String event;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    SurvivalReport.Format format;

    /** The rows complete in time, event and {@code others}, and how many were dropped. */
    record Rows(SurvivalTable table, SurvivalData data, int read, int dropped) {
    }

    /**
     * Reads the source, drops incomplete rows (reporting the count on {@code err}) and builds the survival
     * data; {@code group} and {@code strata} may be null. {@code others} are further columns that must be
     * present (covariates, scores).
     */
    Rows load(String group, String strata, List<String> others, PrintWriter err) throws Exception {
        SurvivalTable all = read();
        List<String> used = new ArrayList<>(List.of(time, event));
        if (group != null) {
            used.add(group);
        }
        if (strata != null) {
            used.add(strata);
        }
        used.addAll(others);
        all.require(used);
        SurvivalTable t = all.complete(used);
        int dropped = all.size() - t.size();
        if (dropped > 0) {
            err.printf("%s: dropped %d of %d rows with a missing value in %s%n", all.source(), dropped, all.size(),
                    String.join(", ", used.stream().distinct().map(c -> "'" + c + "'").toList()));
            err.flush();
        }
        if (t.size() == 0) {
            throw new IllegalArgumentException(all.source() + ": no complete rows");
        }
        SurvivalData d = SurvivalData.of(t.times(time), t.events(event));
        if (group != null) {
            d = d.withGroups(t.labels(group));
        }
        if (strata != null) {
            d = d.withStrata(t.labels(strata));
        }
        return new Rows(t, d, all.size(), dropped);
    }

    private SurvivalTable read() throws Exception {
        if (from.file != null) {
            return SurvivalTable.readFile(from.file);
        }
        String query = from.table != null ? "SELECT * FROM " + identifier(from.table) : from.sql;
        String source = store.store + (from.table != null ? " table " + from.table : " query");
        try (FeatureStore s = FeatureStore.openReadOnly(store.store);
                Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery(query)) {
            return SurvivalTable.read(r, source);
        }
    }

    /** A plain (optionally schema-qualified) name as is, anything else double-quoted. */
    private static String identifier(String name) {
        Objects.requireNonNull(name);
        return name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?") ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
