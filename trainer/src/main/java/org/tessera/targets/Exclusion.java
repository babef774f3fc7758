package org.tessera.targets;

import java.util.List;
import java.util.Objects;

/**
 * Something an import left out, merged or only flagged, with how many and which: stored in
 * {@code expression_imports.exclusions} and printed in the summary, so a cohort never shrinks silently.
 *
 * @param reason what was found, e.g. "samples without a slide in the store"
 * @param action what was done: "dropped", "kept", "averaged", "first kept"
 * @param count  how many ids
 * @param ids    the ids, at most {@link #MAX_IDS} (count says how many there were)
 */
public record Exclusion(String reason, String action, int count, List<String> ids) {
    public static final int MAX_IDS = 5000;

    public Exclusion {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
        ids = List.copyOf(ids.size() > MAX_IDS ? ids.subList(0, MAX_IDS) : ids);
        if (count < ids.size()) {
            throw new IllegalArgumentException(reason + ": count " + count + " is below the " + ids.size() + " ids listed");
        }
    }

    static Exclusion of(String reason, String action, List<String> ids) {
        return new Exclusion(reason, action, ids.size(), ids);
    }

    /** One summary line: "3 samples without a slide in the store (kept): A, B, C". */
    public String line(int shown) {
        String list = String.join(", ", ids.subList(0, Math.min(shown, ids.size())));
        return count + " " + reason + " (" + action + ")" + (list.isEmpty() ? "" : ": " + list + (count > shown ? ", ..." : ""));
    }
}
