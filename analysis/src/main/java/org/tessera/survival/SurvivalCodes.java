package org.tessera.survival;

import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of survival cells from user tables: event indicators in the codings clinical files use,
 * and times. Every reader of survival data (files, store queries) goes through here.
 *
 * <p>Events: {@code 1}/{@code 0} (also {@code 1.0}/{@code 0.0}), {@code TRUE}/{@code FALSE} and {@code T}/{@code F}
 * (any case, R's logicals), {@code yes}/{@code no}, text led by the digit and a colon as cBioPortal writes
 * ({@code 1:DECEASED}, {@code 0:LIVING}, {@code 1:Recurred/Progressed}, {@code 0:DiseaseFree}), and the words
 * {@code dead}/{@code deceased}/{@code died} versus {@code alive}/{@code living}. Anything else is an error:
 * guessing a coding would silently flip events.
 */
public final class SurvivalCodes {
    private SurvivalCodes() {
    }

    /** The event indicator a cell codes, or empty when the cell is none of the codings above. */
    public static Optional<Boolean> event(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon > 0 && (s.startsWith("0") || s.startsWith("1")) && s.substring(0, colon).strip().length() == 1) {
            s = s.substring(0, 1); // cBioPortal: the digit before the colon is the code
        }
        return switch (s) {
            case "1", "1.0", "true", "t", "yes", "dead", "deceased", "died" -> Optional.of(true);
            case "0", "0.0", "false", "f", "no", "alive", "living" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** What {@link #event} accepts, for error messages. */
    public static final String EVENT_CODINGS = "1/0, TRUE/FALSE, yes/no, dead/alive or cBioPortal's '1:DECEASED'/'0:LIVING'";

    /**
     * A number written as data: plain decimal or scientific notation. Java-only spellings ({@code 1d},
     * {@code 0x1p3}, {@code Infinity}, {@code NaN}) are not data values and give empty.
     */
    public static Optional<Double> number(String cell) {
        String t = cell.strip();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))
                || t.toLowerCase(Locale.ROOT).contains("x")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A survival time: a number, finite and &ge; 0; empty otherwise. */
    public static Optional<Double> time(String cell) {
        return number(cell).filter(t -> Double.isFinite(t) && t >= 0);
    }
}
