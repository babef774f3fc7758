package org.tessera.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tessera.subtype.ExpressionMatrix;

/**
 * hist2RNA's subtype classification of one expression table by a {@link SoftVotingEnsemble} fitted on another:
 * genes matched by name (the test table must hold every training gene), the labelled training samples fitted,
 * every test sample given its class probabilities.
 *
 * @param classes       the classes, sorted
 * @param trained       labelled training samples fitted
 * @param genes         training genes (the features)
 * @param samples       the test samples, in file order
 * @param probabilities per test sample, the probability of each class
 */
public record SubtypeClassification(List<String> classes, int trained, int genes, List<String> samples, List<double[]> probabilities) {
    public SubtypeClassification {
        classes = List.copyOf(classes);
        samples = List.copyOf(samples);
        probabilities = List.copyOf(probabilities);
    }

    /** Fits on {@code train}'s samples labelled in {@code labels} and scores every sample of {@code test}. */
    public static SubtypeClassification run(ExpressionMatrix train, String trainName, Map<String, String> labels, ExpressionMatrix test,
            String testName, EnsembleOptions options) {
        int[] testColumns = new int[train.genes().size()];
        for (int j = 0; j < testColumns.length; j++) {
            testColumns[j] = test.genes().indexOf(train.genes().get(j));
            if (testColumns[j] < 0) {
                throw new IllegalArgumentException(testName + ": no column for gene " + train.genes().get(j) + " of " + trainName);
            }
        }
        double[][] values = train.values();
        List<double[]> x = new ArrayList<>();
        List<String> trainLabels = new ArrayList<>();
        for (int i = 0; i < train.samples().size(); i++) {
            String label = labels.get(train.samples().get(i));
            if (label != null) {
                x.add(values[i]);
                trainLabels.add(label);
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException(trainName + ": no sample has a label");
        }
        List<String> classes = trainLabels.stream().distinct().sorted().toList();
        int[] y = trainLabels.stream().mapToInt(classes::indexOf).toArray();
        SoftVotingEnsemble ensemble = SoftVotingEnsemble.fit(x.toArray(double[][]::new), y, classes, options);
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < test.samples().size(); i++) {
            double[] v = new double[testColumns.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = test.value(i, testColumns[j]);
            }
            p.add(ensemble.probabilities(v));
        }
        return new SubtypeClassification(classes, x.size(), train.genes().size(), test.samples(), p);
    }

    /** The class with the highest probability for test sample {@code i}. */
    public String call(int i) {
        return classes.get(SoftVotingEnsemble.argMax(probabilities.get(i)));
    }
}
