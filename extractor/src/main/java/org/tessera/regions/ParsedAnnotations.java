package org.tessera.regions;

import java.util.List;

/** What an annotation file held: its annotations, and what was not imported, in words (e.g. "3 detections"). */
public record ParsedAnnotations(List<Annotation> annotations, List<String> skipped) {
    public ParsedAnnotations {
        annotations = List.copyOf(annotations);
        skipped = List.copyOf(skipped);
    }
}
