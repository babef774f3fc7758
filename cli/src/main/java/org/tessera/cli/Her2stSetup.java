package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.tessera.extract.ExtractionReport;
import org.tessera.spatial.Her2st;
import org.tessera.spatial.StImport;
import org.tessera.spots.Her2stSpotEmbeddings.Embedding;
import org.tessera.store.FeatureStore;

/**
 * Prints what the HER2ST set-up of the demo and the spot benchmark does: the sections imported
 * ({@link Her2st#importMissing}) and their spot patches embedded ({@link org.tessera.spots.Her2stSpotEmbeddings#embed}).
 */
final class Her2stSetup {
    private Her2stSetup() {
    }

    /** Imports the sections not yet in the store. */
    static void importSections(FeatureStore s, Path shared, PrintWriter out) throws Exception {
        for (StImport.Result r : Her2st.importMissing(s, shared)) {
            out.printf("imported HER2ST %s: %d spots, %d genes, median %.0f UMIs per spot%n", r.section(), r.spots(), r.genes(),
                    r.medianLibrarySize());
        }
    }

    /** Embeds the spot patches of every section with each embedding (nothing is recomputed). */
    static void embed(FeatureStore s, Path shared, List<Embedding> embeddings, PrintWriter out, PrintWriter err) throws Exception {
        for (Embedding e : embeddings) {
            ProgressBar bar = new ProgressBar(err);
            ExtractionReport report = org.tessera.spots.Her2stSpotEmbeddings.embed(s, shared, e, bar);
            bar.finish();
            out.printf("spot patches %s, %.0f um, tta %d%s: %d embedded in %.1f s, %d already stored%n", e.backbone(), e.patchUm(), e.tta(),
                    e.macenko() ? ", Macenko" : "", report.tilesEmbedded(), report.seconds(), report.slidesSkipped());
        }
    }
}
