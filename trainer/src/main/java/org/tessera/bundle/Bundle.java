package org.tessera.bundle;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.tessera.files.AtomicFiles;
import org.tessera.splits.Split;
import org.tessera.store.Directories;
import org.tessera.store.SoftwareVersion;

/**
 * A fitted head and everything needed to apply it to new slides, saved as one self-describing directory:
 *
 * <pre>
 * bundle.json        format, kind, software version, created time; backbone name, weights sha256 and card;
 *                    tiling spec, tissue method and tiling id; stain; feature-set name, SQL, parameters and
 *                    pooling; genes; target transforms; split (name, seed, kind, folds); metrics summary;
 *                    the shape, layout and sha256 of each file below
 * coefficients.f64   W, features x genes, row-major, little-endian float64
 * intercepts.f64     b, one per gene, little-endian float64
 * split.tsv          the split's rows (unit, patient, fold, role), when the bundle has a split
 * </pre>
 *
 * A slide's prediction is {@code x . W + b} for its pooled feature vector {@code x} (see {@link LinearWeights}).
 * A directory is written whole under a temporary name beside its destination and renamed into place, so a
 * reader never sees half a bundle; an existing destination is refused, as bundles are immutable. Reading
 * checks every field and every file's checksum and size. The {@link #id()} is the sha256 of the canonical
 * {@code bundle.json}, the file this class writes; as that records the sha256 of the weights, the id names
 * the weights too.
 *
 * @param kind             the head's kind
 * @param softwareVersion  the Tessera that wrote it
 * @param created          when it was made
 * @param backbone         the backbone the features came from
 * @param tiling           the tiling the features came from
 * @param stain            "none" or the stain normalisation with its parameters, as the store records it
 * @param featureSet       the feature set's SQL, parameters and pooling
 * @param targetTransforms what was applied to the targets before fitting, in order (free text, e.g.
 *                         {@code "log2(1+x)"}); predictions are on that scale
 * @param split            the split the head was evaluated with, if any
 * @param metrics          named summary numbers (e.g. {@code median_pearson_r}); NaN allowed
 * @param weights          the head, with the genes as its outputs
 */
public record Bundle(BundleKind kind, String softwareVersion, Instant created, BackboneProvenance backbone,
        TilingProvenance tiling, String stain, FeatureSetProvenance featureSet, List<String> targetTransforms,
        Optional<Split> split, Map<String, Double> metrics, LinearWeights weights) {

    public static final String MANIFEST = "bundle.json";

    public Bundle {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(tiling, "tiling");
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(weights, "weights");
        if (softwareVersion == null || softwareVersion.isBlank()) {
            throw new IllegalArgumentException("software version must not be blank");
        }
        if (stain == null || stain.isBlank()) {
            throw new IllegalArgumentException("stain must be 'none' or a method description, got '" + stain + "'");
        }
        targetTransforms = List.copyOf(targetTransforms);
        for (String t : targetTransforms) {
            if (t.isBlank()) {
                throw new IllegalArgumentException("a target transform is blank");
            }
        }
        metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(metrics, "metrics")));
        for (String name : metrics.keySet()) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a metric name is blank");
            }
        }
    }

    /** A bundle made now by this Tessera. */
    public static Bundle of(BundleKind kind, BackboneProvenance backbone, TilingProvenance tiling, String stain,
            FeatureSetProvenance featureSet, List<String> targetTransforms, Optional<Split> split, Map<String, Double> metrics,
            LinearWeights weights) {
        return new Bundle(kind, SoftwareVersion.get(), Instant.now(), backbone, tiling, stain, featureSet, targetTransforms,
                split, metrics, weights);
    }

    /** The genes, in the order of the weights' columns. */
    public List<String> genes() {
        return weights.outputs();
    }

    /** The sha256 of the canonical {@code bundle.json}: what the store's predictions are keyed by. */
    public String id() {
        return SplitFile.sha256(BundleJson.write(this));
    }

    /** The canonical {@code bundle.json} text, as {@link #write} writes it. */
    public String manifestJson() {
        return new String(BundleJson.write(this), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes this bundle as directory {@code dir}, which must not exist; returns the bundle's id.
     *
     * @throws BundleException naming the directory when it exists or cannot be written
     */
    public String write(Path dir) throws BundleException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new BundleException(target + ": already exists; a bundle is written once, choose a new directory");
        }
        Path parent = target.getParent();
        Path tmp = parent.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(tmp);
            byte[] manifest = BundleJson.write(this);
            WeightFiles.write(tmp.resolve(BundleJson.COEFFICIENTS), weights.coefficients());
            WeightFiles.write(tmp.resolve(BundleJson.INTERCEPTS), weights.intercepts());
            if (split.isPresent()) {
                Files.write(tmp.resolve(SplitFile.NAME), SplitFile.bytes(split.get()));
            }
            Files.write(tmp.resolve(MANIFEST), manifest);
            try {
                AtomicFiles.move(tmp, target, false);
            } catch (FileAlreadyExistsException e) {
                throw new BundleException(target + ": appeared while the bundle was being written; choose a new directory", e);
            }
            return SplitFile.sha256(manifest);
        } catch (IOException e) {
            try {
                Directories.deleteTree(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof BundleException b) {
                throw b;
            }
            throw new BundleException(target + ": cannot write the bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates the bundle in {@code dir}.
     *
     * @throws BundleException naming the file, and the field of {@code bundle.json}, at fault
     */
    public static Bundle read(Path dir) throws BundleException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new BundleException(root + ": no such bundle directory");
        }
        Path manifestFile = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(manifestFile + ": missing; " + root + " is not a Tessera bundle");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifestFile);
        } catch (IOException e) {
            throw new BundleException(manifestFile + ": cannot read: " + e.getMessage(), e);
        }
        BundleJson.Manifest m = BundleJson.read(bytes, manifestFile.toString());
        int q = m.genes().size();
        double[] w = WeightFiles.read(root.resolve(BundleJson.COEFFICIENTS), (long) m.features() * q, m.coefficientsSha256());
        double[] b = WeightFiles.read(root.resolve(BundleJson.INTERCEPTS), q, m.interceptsSha256());
        LinearWeights weights;
        try {
            weights = new LinearWeights(m.features(), m.genes(), w, b);
        } catch (IllegalArgumentException e) {
            throw new BundleException(manifestFile + ": fields 'genes' and 'weights' do not agree: " + e.getMessage(), e);
        }
        Optional<Split> split = Optional.empty();
        if (m.split().isPresent()) {
            BundleJson.SplitMeta s = m.split().get();
            split = Optional.of(SplitFile.read(root.resolve(SplitFile.NAME), s.name(), s.seed(), s.kind(), s.folds(), s.sha256()));
        }
        try {
            return new Bundle(m.kind(), m.softwareVersion(), m.created(), m.backbone(), m.tiling(), m.stain(), m.featureSet(),
                    m.targetTransforms(), split, m.metrics(), weights);
        } catch (IllegalArgumentException e) {
            throw new BundleException(manifestFile + ": " + e.getMessage(), e);
        }
    }
}
