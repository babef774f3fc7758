package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tessera.maps.Heterogeneity;
import org.tessera.maps.SpotMap;
import org.tessera.maps.SpotValues;
import org.tessera.plots.HistogramPlot;
import org.tessera.plots.ScatterPlot;
import org.tessera.report.Section;
import org.tessera.spatial.Her2st;
import org.tessera.spots.GeneSelection;
import org.tessera.spots.Grid;
import org.tessera.spots.HeadOptions;
import org.tessera.spots.Her2stSpotEmbeddings;
import org.tessera.spots.Her2stSpotEmbeddings.Embedding;
import org.tessera.spots.Scheme;
import org.tessera.spots.SpotData;
import org.tessera.spots.SpotHeterogeneity;
import org.tessera.spots.SpotResult;
import org.tessera.spots.SpotRun;
import org.tessera.spots.SpotStore;
import org.tessera.store.FeatureStore;

/**
 * The demo's spatial half (ST-Net on HER2ST): spot patches of the six sections with 8-fold TTA, leave-one-section-out
 * within patient C and train-on-C / test-on-B4 against the colour baseline, the best genes, measured-versus-predicted
 * maps of the top 3 genes and a two-trait heterogeneity map (ERBB2-high, proliferative) with the HTI of each section.
 */
final class SpatialDemo {
    static final String MNV2 = "mobilenet_v2_imagenet";
    static final String MAP_SECTION = "C3";
    /** PAM50's proliferation genes (EMO's 11-gene score) that HER2ST measures in every section are looked up at run time. */
    static final List<String> PROLIFERATION = List.of("BIRC5", "CCNB1", "CDC20", "NUF2", "CEP55", "NDC80", "MKI67", "PTTG1", "RRM2",
            "TYMS", "UBE2C");

    private SpatialDemo() {
    }

    static List<Section> run(FeatureStore s, Path shared, PrintWriter out, PrintWriter err) throws Exception {
        out.println();
        out.println("== ST-Net on HER2ST: spot patches (112 um at 0.5 um/px) -> embedding -> PCA 256 -> ridge, genes chosen on training spots");
        Her2stSetup.importSections(s, shared, out);
        Embedding colour = Embedding.of(Her2stSpotEmbeddings.COLOUR, 112, 1);
        Embedding mnv2 = Embedding.of(MNV2, 112, 8);
        Her2stSetup.embed(s, shared, List.of(colour, mnv2), out, err);

        Scheme loso = new Scheme.LeaveOneSectionOut(Her2st.PATIENT_C);
        Scheme toB4 = new Scheme.TrainTest(Her2st.PATIENT_C, List.of("B4"));
        GeneSelection hest = new GeneSelection(GeneSelection.Kind.TOP_VARIANCE, 50);
        List<Object[]> rows = new ArrayList<>();
        Map<String, SpotRun.Outcome> done = new LinkedHashMap<>();
        for (Object[] e : new Object[][] {{"demo/colour/loso-C", colour, loso}, {"demo/mnv2-tta8/loso-C", mnv2, loso},
            {"demo/colour/C-to-B4", colour, toB4}, {"demo/mnv2-tta8/C-to-B4", mnv2, toB4}}) {
            SpotRun run = new SpotRun((String) e[0], List.of(((Embedding) e[1]).source(s)), Map.of(), (Scheme) e[2], hest,
                    HeadOptions.defaults(), Grid.LEGACY_ST, SpotRun.Context.NONE, false);
            done.put((String) e[0], run.run(s));
        }
        out.printf("%-26s %8s %8s %10s %s%n", "experiment", "pearson", "smoothed", "HEST pool", "per held-out section");
        for (Map.Entry<String, SpotRun.Outcome> e : done.entrySet()) {
            SpotResult r = e.getValue().result();
            String units = String.join(" ", r.units().stream().map(u -> String.format(Locale.ROOT, "%s %.3f", u.heldOut(), u.meanPearson())).toList());
            out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %10.3f %s%n", e.getKey(), r.summary().meanPearson(), r.summary().meanPearsonSmoothed(),
                    r.summary().meanPearsonConcatenated(), units);
            rows.add(new Object[] {e.getKey(), r.summary().meanPearson(), r.summary().meanPearsonSmoothed(), r.summary().meanPearsonConcatenated(),
                r.summary().genesSignificantConcatenated(), r.summary().genesTested(), units});
        }
        SpotResult best = done.get("demo/mnv2-tta8/loso-C").result();
        List<SpotResult.GeneScore> top = best.best(10);
        out.println("best genes (MobileNetV2 + TTA, leave-one-section-out within C): mean Pearson over the 5 held-out sections");
        for (SpotResult.GeneScore g : top) {
            out.printf(Locale.ROOT, "  %-10s %6.3f  (positive in %d of %d sections; pooled r %.3f)%n", g.gene(), g.meanPearson(),
                    g.test().nPositive(), g.test().nUnits(), g.test().pearsonConcatenated());
        }

        Path dir = s.root().resolve("spatial");
        Files.createDirectories(dir);
        Section maps = Section.titled("Measured and predicted spot maps (section " + MAP_SECTION + ", held out)")
                .text("Each pair: measured log1p(CP10k) on the left, the prediction of the fold that did not see " + MAP_SECTION
                        + " on the right, both as z-scores on one colour scale. 100 um spots drawn to scale.");
        for (SpotResult.GeneScore g : top.subList(0, Math.min(3, top.size()))) {
            Path png = dir.resolve("spots_" + MAP_SECTION + "_" + g.gene() + ".png");
            SpotMap map = SpotMap.of(SpotValues.load(s, "demo/mnv2-tta8/loso-C", MAP_SECTION, g.gene()), 700,
                    g.gene() + " on HER2ST " + MAP_SECTION + " (MobileNetV2 + TTA, held out)");
            map.write(png);
            out.printf(Locale.ROOT, "map %s (Pearson r %.3f on %s)%n", png, map.pearsonR(), MAP_SECTION);
            maps = maps.image(png, g.gene() + ": measured (left) and predicted (right), r = " + String.format(Locale.ROOT, "%.3f", map.pearsonR()));
        }
        SpotValues first = SpotValues.load(s, "demo/mnv2-tta8/loso-C", MAP_SECTION, top.get(0).gene());
        maps = maps.figure(ScatterPlot.of("spots_scatter_" + top.get(0).gene(), top.get(0).gene() + " on " + MAP_SECTION + ": predicted vs measured",
                "measured log1p(CP10k)", "predicted", first.measured(), first.predicted(), ScatterPlot.Line.FIT), "One point per spot of "
                + MAP_SECTION + ".");

        Section heterogeneity = heterogeneity(s, dir, out);
        double[] perGene = best.metrics().stream().mapToDouble(SpotResult.UnitGene::pearson).filter(Double::isFinite).toArray();
        Section results = Section.titled("ST-Net on HER2ST: spot-level prediction")
                .text("Six HER2+ sections (Andersson et al. 2021): patient B (B4, about 650 UMIs per spot) and patient C (C2-C6, about"
                        + " 10,000). Expression: log1p of counts per 10,000. Patches of 112 um around each spot at 0.5 um/px; MobileNetV2"
                        + " embeddings averaged over the 8 rotations and mirrorings (TTA). Head: StandardScaler, PCA 256, ridge with lambda"
                        + " by inner leave-one-section-out; the 50 most variable genes chosen on each fold's training spots. Every result"
                        + " beside the 12-number colour baseline.")
                .table("Experiments", List.of("experiment", "mean Pearson", "smoothed", "HEST pooled", "genes sig. (pooled, Holm)",
                        "genes", "per section"), rows.stream().map(List::<Object>of).toList())
                .table("Best genes (MobileNetV2 + TTA, leave-one-section-out within C)", List.of("gene", "mean Pearson", "sections r > 0",
                        "pooled r"), top.stream().map(g -> List.<Object>of(g.gene(), g.meanPearson(), g.test().nPositive() + "/"
                        + g.test().nUnits(), g.test().pearsonConcatenated())).toList())
                .figure(HistogramPlot.of("spot_gene_pearson", "Per-gene Pearson on held-out sections (MobileNetV2 + TTA)", "Pearson r",
                        perGene, 25), "One value per gene and held-out section.");
        return List.of(results, maps, heterogeneity);
    }

    /**
     * PathoMCH's cartography on spots ({@link SpotHeterogeneity}): ERBB2-high and proliferative spots of patient C from
     * held-out predictions, the HTI of each section.
     */
    private static Section heterogeneity(FeatureStore s, Path dir, PrintWriter out) throws Exception {
        SpotData probe = SpotStore.load(s, SpotStore.render(List.of(Embedding.of(Her2stSpotEmbeddings.COLOUR, 112, 1).source(s)), Map.of()),
                Her2st.PATIENT_C);
        SpotHeterogeneity.Result result = SpotHeterogeneity.run(s, new SpotHeterogeneity.Request("demo/mnv2-tta8/loso-C-traits",
                Embedding.of(MNV2, 112, 8), new Scheme.LeaveOneSectionOut(Her2st.PATIENT_C), Her2st.PATIENT_C, "ERBB2", PROLIFERATION,
                Optional.of(MAP_SECTION), dir), probe.genes());
        List<String> genes = result.genes();
        List<List<Object>> rows = new ArrayList<>();
        Path mapFile = null;
        for (SpotHeterogeneity.SectionResult r : result.sections()) {
            Heterogeneity h = r.heterogeneity();
            out.printf("heterogeneity %s: %d spots, %d with a trait, HTI %s%n", r.section(), h.nTiles(), h.nPositive(), r.hti());
            rows.add(List.of(r.section(), h.nTiles(), h.nPositive(), h.hti().isPresent() ? (Object) h.hti().getAsDouble() : "undefined",
                    h.shares().toString()));
            if (r.map().isPresent()) {
                mapFile = r.map().get();
                out.println("heterogeneity map " + mapFile);
            }
        }
        Section section = Section.titled("Molecular cartography and heterogeneity (PathoMCH), patient C")
                .text("Traits from held-out predictions (MobileNetV2 + TTA, leave-one-section-out): ERBB2-high = predicted ERBB2 above its"
                        + " median over patient C's spots; proliferative = mean z-score of the predicted proliferation genes " + genes.subList(1,
                        genes.size()) + " above its median. HTI = -sum p_i log_3 p_i over the 3 non-empty combinations; spots with no"
                        + " trait are not counted. Stored in the table heterogeneity (source 'spot_predictions').")
                .table("Heterogeneity index per section", List.of("section", "spots", "with a trait", "HTI", "shares"), rows);
        return mapFile == null ? section : section.image(mapFile, "Spots of " + MAP_SECTION + " coloured by their combination of traits.");
    }
}
