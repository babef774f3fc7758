package org.tessera.backbone;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An ONNX backbone loaded for inference and checked against its {@link BackboneCard}: the one object that turns
 * preprocessed tile batches into embeddings.
 *
 * <p>Loading goes through DJL's OnnxRuntime engine. Before a {@code Backbone} is returned the card is checked
 * against the model: the weights' sha256 (optional), the input name, the output name, and a dry run on one blank
 * {@code inputSize} tile that must give exactly {@code dimension} floats. A wrong card therefore fails at load
 * with a message naming the model file and the mismatch, never later as silently wrong features.
 *
 * <p>Not thread-safe: a {@code Backbone} owns one DJL {@link Predictor} and must be used from one thread. The
 * extractor loads one {@code Backbone} per inference thread: on the CPU a few sessions with few intra-op threads,
 * on GPUs one session per GPU ({@link Options#gpu()}).
 */
public final class Backbone implements Embedder {

    /**
     * How to load a backbone.
     *
     * @param device         where to run; {@code AUTO} is resolved by {@link DeviceSelector#probe()}
     * @param verifyChecksum whether to compare the model file's sha256 with the card's (about 50 ms per 15 MB)
     * @param intraOpThreads ONNX Runtime intra-op threads per session; 0 keeps ONNX Runtime's default (one per
     *                       physical core)
     * @param gpu            the CUDA device id used when the device resolves to GPU (ignored on the CPU)
     */
    public record Options(DeviceChoice device, boolean verifyChecksum, int intraOpThreads, int gpu) {
        public Options {
            if (device == null) {
                throw new IllegalArgumentException("device must not be null (use AUTO)");
            }
            if (intraOpThreads < 0 || intraOpThreads > 1024) {
                throw new IllegalArgumentException("intra-op threads must be 0 (default) .. 1024, got " + intraOpThreads);
            }
            if (gpu < 0) {
                throw new IllegalArgumentException("GPU id must be 0 or more, got " + gpu);
            }
        }

        /** On GPU 0 when the device resolves to GPU. */
        public Options(DeviceChoice device, boolean verifyChecksum, int intraOpThreads) {
            this(device, verifyChecksum, intraOpThreads, 0);
        }

        /** Checksum verified, ONNX Runtime's default threads. */
        public static Options of(DeviceChoice device) {
            return new Options(device, true, 0);
        }

        /**
         * The DJL device a session of these options is created on, once {@code AUTO} is resolved. DJL's ONNX
         * Runtime engine registers the CUDA execution provider for a GPU device itself
         * ({@code SessionOptions.addCUDA(id)} on the session options Tessera passes), so Tessera never adds it: a
         * second registration of the same device would fail.
         */
        public Device djlDevice(DeviceChoice resolved) {
            return switch (resolved) {
                case CPU -> Device.cpu();
                case GPU -> Device.gpu(gpu);
                case AUTO -> throw new IllegalArgumentException("resolve AUTO before choosing a DJL device");
            };
        }
    }

    private final BackboneCard card;
    private final Path modelFile;
    private final ZooModel<BatchTranslator.Request, BatchTranslator.Reply> model;
    private final Predictor<BatchTranslator.Request, BatchTranslator.Reply> predictor;
    private final List<String> outputNames;
    private final String deviceDescription;
    private boolean closed;

    private Backbone(BackboneCard card, Path modelFile, ZooModel<BatchTranslator.Request, BatchTranslator.Reply> model,
            List<String> outputNames, String deviceDescription) {
        this.card = card;
        this.modelFile = modelFile;
        this.model = model;
        this.predictor = model.newPredictor();
        this.outputNames = outputNames;
        this.deviceDescription = deviceDescription;
    }

    /** Loads with the checksum verified and ONNX Runtime's default threads. */
    public static Backbone load(BackboneCard card, Path modelFile, DeviceChoice device) throws BackboneException {
        return load(card, modelFile, Options.of(device));
    }

    /**
     * Loads the model, validates the card against it and returns a backbone ready for {@link #embed}.
     *
     * @throws BackboneException when the file is missing, its checksum differs, GPU is forced but unavailable,
     *                           ONNX Runtime cannot load it, or the card does not match the model
     */
    public static Backbone load(BackboneCard card, Path modelFile, Options options) throws BackboneException {
        String what = "backbone '" + card.name() + "' (" + modelFile + ")";
        if (!Files.isRegularFile(modelFile)) {
            throw new BackboneException(what + ": model file not found: " + modelFile);
        }
        if (options.verifyChecksum()) {
            verifyChecksum(card, modelFile, what);
        }
        DeviceChoice device = options.device() == DeviceChoice.CPU
                ? DeviceChoice.CPU
                : DeviceSelector.probe().resolve(options.device());
        ZooModel<BatchTranslator.Request, BatchTranslator.Reply> model = open(card, modelFile, device, options, what);
        Backbone backbone = null;
        try {
            List<String> inputs = inputNames(model);
            if (!inputs.contains(card.inputName()) || inputs.size() != 1) {
                throw new BackboneException(what + ": card says input '" + card.inputName()
                        + "' but the model's inputs are " + inputs + " (Tessera feeds exactly one image input)");
            }
            BatchTranslator.Reply dry = dryRun(model, card, what);
            if (!dry.found()) {
                throw new BackboneException(what + ": card says output '" + card.outputName()
                        + "' but the model's outputs are " + dry.outputNames());
            }
            if (dry.values().length != card.dimension()) {
                throw new BackboneException(what + ": card says dimension " + card.dimension() + " but output '"
                        + card.outputName() + "' gives " + dry.values().length + " floats per tile (shape "
                        + Arrays.toString(dry.shape()) + " for one " + card.inputSize() + " px tile)");
            }
            backbone = new Backbone(card, modelFile, model, dry.outputNames(), describe(device, options));
            return backbone;
        } finally {
            if (backbone == null) {
                model.close();
            }
        }
    }

    /**
     * Embeddings of {@code n} preprocessed tiles (see {@link TilePreprocessor}) stored CHW one after another from
     * the start of {@code batchNchw}, which may be longer; a direct buffer in native order reaches ONNX Runtime
     * without a copy.
     *
     * @return {@code n * dimension()} floats, tile after tile
     */
    @Override
    public float[] embed(FloatBuffer batchNchw, int n) throws BackboneException {
        return run(card.outputName(), batchNchw, n);
    }

    /** Any named output of the model for {@code n} preprocessed tiles, flattened row-major. */
    public float[] run(String outputName, float[] batchNchw, int n) throws BackboneException {
        return run(outputName, FloatBuffer.wrap(batchNchw), n);
    }

    private float[] run(String outputName, FloatBuffer batchNchw, int n) throws BackboneException {
        if (closed) {
            throw new IllegalStateException("backbone '" + card.name() + "' is closed");
        }
        if (n < 1 || (long) n * card.floatsPerTile() > batchNchw.capacity()) {
            throw new IllegalArgumentException("batch of " + n + " tiles needs " + (long) n * card.floatsPerTile()
                    + " floats, the buffer has " + batchNchw.capacity());
        }
        BatchTranslator.Reply reply;
        try {
            reply = predictor.predict(new BatchTranslator.Request(batchNchw, n, outputName));
        } catch (TranslateException | RuntimeException e) {
            throw new BackboneException("backbone '" + card.name() + "' (" + modelFile + "): inference on "
                    + n + " tiles failed: " + e.getMessage(), e);
        }
        if (!reply.found()) {
            throw new IllegalArgumentException("backbone '" + card.name() + "' has no output '" + outputName
                    + "'; its outputs are " + reply.outputNames());
        }
        return reply.values();
    }

    /** The card's preprocessing: input size, channel order, mean and std. */
    @Override
    public TilePreprocessor preprocessor() {
        return TilePreprocessor.forCard(card);
    }

    /** Floats per embedding, as stated by the card and checked at load. */
    @Override
    public int dimension() {
        return card.dimension();
    }

    public BackboneCard card() {
        return card;
    }

    public Path modelFile() {
        return modelFile;
    }

    /** Names of all the model's outputs, as seen in the load-time dry run. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Where inference runs, e.g. "CPU (ONNX Runtime 1.29.0, intra-op threads: default)". */
    @Override
    public String deviceDescription() {
        return deviceDescription;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                predictor.close();
            } finally {
                model.close();
            }
        }
    }

    private static void verifyChecksum(BackboneCard card, Path modelFile, String what) throws BackboneException {
        String actual;
        try {
            actual = Sha256.of(modelFile);
        } catch (IOException e) {
            throw new BackboneException(what + ": cannot read the model file: " + e.getMessage(), e);
        }
        if (!actual.equals(card.sha256())) {
            throw new BackboneException(what + ": sha256 of the model file is " + actual + " but the card says "
                    + card.sha256() + "; these are not the weights the card describes");
        }
    }

    private static ZooModel<BatchTranslator.Request, BatchTranslator.Reply> open(BackboneCard card, Path modelFile,
            DeviceChoice device, Options options, String what) throws BackboneException {
        OrtRuntime.environment();
        Criteria.Builder<BatchTranslator.Request, BatchTranslator.Reply> criteria = Criteria.builder()
                .setTypes(BatchTranslator.Request.class, BatchTranslator.Reply.class)
                .optEngine(OrtRuntime.ENGINE)
                .optModelPath(modelFile)
                .optTranslator(new BatchTranslator(card.inputName(), card.inputSize()))
                // DJL's OrtModel adds SessionOptions.addCUDA(deviceId) for a GPU device, once per session.
                .optDevice(options.djlDevice(device));
        if (options.intraOpThreads() > 0) {
            criteria.optOption("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
        }
        criteria.optArgument("sessionOptions", sessionOptions(what));
        try {
            return criteria.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new BackboneException(what + ": ONNX Runtime cannot load the model on " + device + ": "
                    + rootMessage(e), e);
        }
    }

    /**
     * ONNX Runtime's intra-op threads spin-wait between operators by default, burning the cores that tile
     * readers need on a small machine; with spinning off they sleep instead. DJL closes these options
     * with the model. New options for every session: DJL adds the CUDA provider to them, so sharing one object
     * between sessions would register the device twice.
     */
    private static OrtSession.SessionOptions sessionOptions(String what) throws BackboneException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.addConfigEntry("session.intra_op.allow_spinning", System.getProperty("tessera.ort.spinning", "0"));
            so.addConfigEntry("session.inter_op.allow_spinning", System.getProperty("tessera.ort.spinning", "0"));
            return so;
        } catch (OrtException e) {
            so.close();
            throw new BackboneException(what + ": cannot set ONNX Runtime session options: " + e.getMessage(), e);
        }
    }

    private static List<String> inputNames(ZooModel<?, ?> model) {
        PairList<String, Shape> inputs = model.describeInput();
        return List.copyOf(inputs.keys());
    }

    private static BatchTranslator.Reply dryRun(ZooModel<BatchTranslator.Request, BatchTranslator.Reply> model,
            BackboneCard card, String what) throws BackboneException {
        try (Predictor<BatchTranslator.Request, BatchTranslator.Reply> probe = model.newPredictor()) {
            return probe.predict(new BatchTranslator.Request(new float[card.floatsPerTile()], 1, card.outputName()));
        } catch (TranslateException | RuntimeException e) {
            throw new BackboneException(what + ": dry run on one blank " + card.inputSize() + "x" + card.inputSize()
                    + " tile failed (does the card's inputSize suit the model?): " + rootMessage(e), e);
        }
    }

    private static String describe(DeviceChoice device, Options options) {
        String threads = options.intraOpThreads() == 0 ? "default" : Integer.toString(options.intraOpThreads());
        String where = device == DeviceChoice.GPU ? "GPU " + options.gpu() + " (CUDA execution provider)" : "CPU";
        return where + " (ONNX Runtime " + OrtRuntime.version() + ", intra-op threads: " + threads + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
