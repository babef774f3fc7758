package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PAM50 on all 1,093 TCGA-BRCA patients (log2(1 + RSEM)) against a scipy reference, and its agreement with the
 * published PanCancer Atlas Subtype (981 labelled patients). The reference (scipy 1.10.1, pandas, sklearn) was
 * computed once with /usr/bin/python3:
 *
 * <pre>
 * g = pd.read_csv(S + 'signatures/pam50_genes.tsv', sep='\t')
 * cen = pd.read_csv(S + 'signatures/pam50_centroids.csv', index_col=0)
 * cen.index = cen.index.map(dict(zip(g.genefu_symbol, g.current_HGNC_symbol)))
 * x = np.log2(1 + pd.read_csv(S + 'tcga-brca/pam50_expression.csv', index_col=0))[list(cen.index)]
 * names = ['Basal', 'Her2', 'LumA', 'LumB', 'Normal']
 * d = x - x.median(axis=0) if centre else x
 * C = np.array([[spearmanr(d.iloc[i].values, cen[c].values)[0] for c in names] for i in range(len(d))])
 * call = np.array(names)[C.argmax(1)]; ror = C @ [0.05, 0.12, -0.34, 0.23, 0]
 * pub = cl.reindex(x.index); m = pub.notna().values      # cl: clinical 'Subtype' by 'Patient ID'
 * truth = pub[m].str.replace('BRCA_', '').values; pred = call[m]
 * (truth == pred).mean(), cohen_kappa_score(truth, pred), confusion_matrix(truth, pred, labels=names)
 * </pre>
 *
 * The per-patient calls are in tcga_pam50_calls_scipy.tsv (next to this class). The smallest gap between the
 * best and second-best correlation is 1.06e-3 as given and 9.6e-5 median-centred, far above rounding, so the
 * calls must agree exactly.
 */
class Pam50TcgaTest {
    @Test
    void callsAsGivenEqualScipyForEveryPatient() {
        assertEquals(reference(1), calls(false));
    }

    @Test
    void medianCentredCallsEqualScipyForEveryPatient() {
        assertEquals(reference(2), calls(true));
    }

    @Test
    void firstPatientsCorrelationsAndRorSEqualScipy() {
        List<Pam50Call> calls = Tcga.model().classify(Tcga.log2Expression(), Pam50Options.asGiven()).calls();
        double[][] scipy = {
            {-0.5740696278511405, -0.05968787515006002, 0.3738295318127251, 0.27433373349339735, -0.23217286914765903},
            {-0.3674998200295774, 0.6064491346078051, -0.037936084910932456, 0.3526615285897317, -0.39117385782842506},
            {-0.5863426821973939, 0.0924414138599495, 0.2057241646628694, 0.447656550650623, -0.3836918944109073}};
        double[] ror = {-0.09987130852340936, 0.14840932559681305, 0.014790626217591918};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(scipy[i], calls.get(i).correlations(), 1e-12);
            assertEquals(ror[i], calls.get(i).rorS(), 1e-12);
        }
    }

    @Test
    void agreementWithPublishedSubtypeAsGivenEqualsScipy() {
        AgreementResult a = agreement(false);
        assertEquals(981, a.n());
        assertEquals(0.8950050968399592, a.accuracy(), 1e-12);
        assertEquals(0.8368463714573591, a.kappa(), 1e-12);
        assertArrayEquals(new long[][] {
            {163, 2, 1, 1, 4}, {0, 58, 7, 13, 0}, {0, 0, 479, 20, 0}, {0, 0, 28, 169, 0}, {0, 1, 26, 0, 9}},
            a.confusion());
    }

    @Test
    void agreementWithPublishedSubtypeMedianCentredEqualsScipy() {
        AgreementResult a = agreement(true);
        assertEquals(981, a.n());
        assertEquals(0.7074413863404689, a.accuracy(), 1e-12);
        assertEquals(0.6124392429579646, a.kappa(), 1e-12);
        assertArrayEquals(new long[][] {
            {171, 0, 0, 0, 0}, {3, 75, 0, 0, 0}, {18, 35, 278, 74, 94}, {4, 40, 0, 153, 0}, {19, 0, 0, 0, 17}},
            a.confusion());
    }

    /** Rows: published subtype; columns: our call; labels sorted Basal, Her2, LumA, LumB, Normal. */
    private static AgreementResult agreement(boolean centre) {
        ExpressionMatrix m = Tcga.log2Expression();
        List<Subtype> calls = Tcga.model().classify(m, new Pam50Options(centre, 40)).subtypes();
        Map<String, String> published = Tcga.publishedSubtypes();
        List<String> truth = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String p = published.get(m.samples().get(i));
            if (p != null) {
                truth.add(p);
                ours.add(calls.get(i).label());
            }
        }
        AgreementResult a = Agreement.of(truth, ours);
        assertEquals(List.of("Basal", "Her2", "LumA", "LumB", "Normal"), a.labels());
        return a;
    }

    private static List<String> calls(boolean centre) {
        ExpressionMatrix m = Tcga.log2Expression();
        List<Pam50Call> calls = Tcga.model().classify(m, new Pam50Options(centre, 40)).calls();
        return calls.stream().map(c -> c.sample() + " " + c.subtype().label()).toList();
    }

    /** "patient call" lines from column {@code column} (1 as given, 2 median-centred) of the reference. */
    private static List<String> reference(int column) {
        var in = Pam50TcgaTest.class.getResourceAsStream("tcga_pam50_calls_scipy.tsv");
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("patient"))
                    .map(l -> l.split("\t")).map(c -> c[0] + " " + c[column]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
