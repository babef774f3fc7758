package org.tessera.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Right-censored survival times, one row per patient: the time to event or censoring, whether the event
 * was observed, and optional labels for a grouping (compared by the log-rank test, one Kaplan-Meier curve
 * each) and for strata (separate baseline hazards; within-stratum comparisons). A record rather than
 * parallel arrays so every method receives rows that were checked once, with errors naming the row.
 *
 * <p>Missing values are not representable: rows with a missing time, event or label must be dropped by
 * the caller (see {@link #subset(boolean[])}), which keeps the choice explicit, as R's {@code na.omit}.
 *
 * @param time   time to event or censoring, finite and &ge; 0 (any unit; days in the shared cohorts)
 * @param event  true if the event was observed, false if censored
 * @param groups group label per row, or an empty list when there is no grouping
 * @param strata stratum label per row, or an empty list when unstratified
 */
public record SurvivalData(double[] time, boolean[] event, List<String> groups, List<String> strata) {
    public SurvivalData {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(strata, "strata");
        if (time.length == 0) {
            throw new IllegalArgumentException("survival data needs at least one row");
        }
        if (event.length != time.length) {
            throw new IllegalArgumentException("event has " + event.length + " rows but time has " + time.length);
        }
        for (int i = 0; i < time.length; i++) {
            if (!(time[i] >= 0 && time[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("time must be finite and >= 0: row " + i + " has " + time[i]);
            }
        }
        groups = checkLabels(groups, time.length, "groups");
        strata = checkLabels(strata, time.length, "strata");
        time = time.clone();
        event = event.clone();
    }

    /** Ungrouped, unstratified data. */
    public static SurvivalData of(double[] time, boolean[] event) {
        return new SurvivalData(time, event, List.of(), List.of());
    }

    /** Ungrouped, unstratified data with R's 0/1 status coding (1 = event, 0 = censored). */
    public static SurvivalData of(double[] time, int[] status) {
        Objects.requireNonNull(status, "status");
        boolean[] event = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("status must be 0 or 1: row " + i + " has " + status[i]);
            }
            event[i] = status[i] == 1;
        }
        return of(time, event);
    }

    /** The same rows with group labels (one per row). */
    public SurvivalData withGroups(List<String> labels) {
        return new SurvivalData(time, event, labels, strata);
    }

    /** The same rows with stratum labels (one per row). */
    public SurvivalData withStrata(List<String> labels) {
        return new SurvivalData(time, event, groups, labels);
    }

    /** The same rows without strata. */
    public SurvivalData withoutStrata() {
        return new SurvivalData(time, event, groups, List.of());
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public boolean[] event() {
        return event.clone();
    }

    public int size() {
        return time.length;
    }

    public double time(int row) {
        return time[row];
    }

    public boolean event(int row) {
        return event[row];
    }

    public boolean hasGroups() {
        return !groups.isEmpty();
    }

    public boolean hasStrata() {
        return !strata.isEmpty();
    }

    public int events() {
        int d = 0;
        for (boolean e : event) {
            d += e ? 1 : 0;
        }
        return d;
    }

    /** Distinct group labels in sorted order (R orders factor levels the same way for ASCII labels). */
    public List<String> groupLevels() {
        return List.copyOf(new TreeSet<>(groups));
    }

    /** Distinct stratum labels in sorted order. */
    public List<String> strataLevels() {
        return List.copyOf(new TreeSet<>(strata));
    }

    /** The rows where {@code keep} is true, in their original order (for dropping incomplete rows). */
    public SurvivalData subset(boolean[] keep) {
        if (keep.length != time.length) {
            throw new IllegalArgumentException("keep has " + keep.length + " rows but data has " + time.length);
        }
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        double[] t = new double[m];
        boolean[] e = new boolean[m];
        List<String> g = new ArrayList<>();
        List<String> s = new ArrayList<>();
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                t[j] = time[i];
                e[j++] = event[i];
                if (hasGroups()) {
                    g.add(groups.get(i));
                }
                if (hasStrata()) {
                    s.add(strata.get(i));
                }
            }
        }
        return new SurvivalData(t, e, g, s);
    }

    private static List<String> checkLabels(List<String> labels, int n, String what) {
        if (labels.isEmpty()) {
            return List.of();
        }
        if (labels.size() != n) {
            throw new IllegalArgumentException(what + " has " + labels.size() + " labels but data has " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (labels.get(i) == null) {
                throw new IllegalArgumentException(what + " label is missing (null): row " + i);
            }
        }
        return List.copyOf(labels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalData d && Arrays.equals(time, d.time) && Arrays.equals(event, d.event)
                && groups.equals(d.groups) && strata.equals(d.strata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(time), Arrays.hashCode(event), groups, strata);
    }

    @Override
    public String toString() {
        return "SurvivalData[n=" + time.length + ", events=" + events() + ", groups=" + groupLevels()
                + ", strata=" + strataLevels() + "]";
    }
}
