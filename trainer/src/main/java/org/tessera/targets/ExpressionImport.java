package org.tessera.targets;

import java.util.List;
import java.util.Objects;

/**
 * What an expression import stored.
 *
 * @param importId     its id in {@code expression_imports}
 * @param replaced     true when an import of the same file with the same options was replaced
 * @param source       the file
 * @param fileSha256   the file's sha256
 * @param orientation  the file's layout and why it was chosen
 * @param transform    the applied steps, or "none"
 * @param samples      samples stored
 * @param patients     distinct patients among them
 * @param genes        genes stored
 * @param exclusions   what was dropped, merged or only flagged
 * @param seconds      wall time
 */
public record ExpressionImport(int importId, boolean replaced, String source, String fileSha256, OrientationGuess orientation,
        String transform, int samples, int patients, int genes, List<Exclusion> exclusions, double seconds) {
    public ExpressionImport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(orientation, "orientation");
        exclusions = List.copyOf(exclusions);
        if (samples < 1 || genes < 1) {
            throw new IllegalArgumentException(source + ": an import stores at least one sample and gene, got " + samples + " x " + genes);
        }
    }

    public long values() {
        return (long) samples * genes;
    }
}
