package org.tessera.train;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.FeatureSetException;
import org.tessera.featureset.Pooling;
import org.tessera.spatial.Her2st;
import org.tessera.spatial.PseudoBulk;
import org.tessera.spatial.Section;
import org.tessera.store.FeatureStore;

/**
 * The demo's training run on real ground truth: the six HER2ST sections cut into 1.2 mm blocks, each block's
 * spot counts summed into a bulk profile (the 500 highest-mean genes measured in every section), each
 * block's tile embeddings mean-pooled, and both heads (hist2RNA's aggregate ridge, EMO-style per-gene
 * ridge) evaluated by leave-one-section-out.
 */
public final class Her2stPseudoBulk {
    public static final PseudoBulk.Options OPTIONS = new PseudoBulk.Options(1200, Her2st.MPP, 6, 500);

    private Her2stPseudoBulk() {
    }

    /** The regions built (for the summary) and one report per head. */
    public record Outcome(PseudoBulk.Result regions, List<Training.Report> reports) {
    }

    public static Outcome run(FeatureStore store, Path shared, String backbone) throws IOException, SQLException, FeatureSetException {
        List<Section> sections = new ArrayList<>();
        for (String s : Her2st.SECTIONS) {
            sections.add(Her2st.read(shared, s));
        }
        PseudoBulk.Result result = PseudoBulk.build(sections, OPTIONS);
        PseudoBulk.store(store, result);
        double[] grid = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
        List<Training.Report> reports = new ArrayList<>();
        for (Head head : List.of(new AggregateRidge(grid), new PerGeneRidgeHead(grid))) {
            reports.add(Training.run(store, new Training.Options(FeatureSet.named("pseudobulk_regions", Pooling.MEAN),
                    Map.of("backbone", backbone), "SELECT region_id, gene, value FROM pseudobulk_expression", "her2st-loso", 6, 0, head,
                    Training.UnitLevel.ROW, Training.SplitScheme.LEAVE_ONE_PATIENT_OUT)));
        }
        return new Outcome(result, reports);
    }
}
