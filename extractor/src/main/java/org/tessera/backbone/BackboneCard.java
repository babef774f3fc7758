package org.tessera.backbone;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What must be known about an ONNX backbone to feed it tiles and read embeddings from it: input tensor name and
 * side, channel order, normalisation, output tensor name and width, and the sha256 of the weights.
 *
 * <p>The card exists because a backbone is data, not code: every embedding in the store and every trained head
 * carries the card it was made with, so features from different models or preprocessing can never be mixed
 * silently. Normalisation is on the 0..255 scale: {@code x' = (x - mean[c]) / std[c]} for channel {@code c}
 * in {@link #channelOrder()} order. {@link Backbone#load} checks the card against the model it names.
 *
 * @param name        identifier, e.g. {@code mobilenet_v2_imagenet}
 * @param model       the {@code .onnx} file, relative to the card's folder or a models folder
 * @param inputName   the model input fed with the {@code [N,3,S,S]} float batch
 * @param inputSize   the square side {@code S} in pixels tiles are resized to
 * @param channelOrder colour plane order of the input
 * @param mean        three per-channel means on the 0..255 scale, in channel order
 * @param std         three per-channel standard deviations on the 0..255 scale, all positive
 * @param outputName  the model output holding the embedding, {@code [N,dimension]}
 * @param dimension   floats per embedding
 * @param sha256      lower-case hex sha256 of the {@code .onnx} file's bytes
 * @param description free text, empty when absent
 * @param licence     licence of the weights, empty when absent
 */
public record BackboneCard(
        String name,
        String model,
        String inputName,
        int inputSize,
        ChannelOrder channelOrder,
        List<Double> mean,
        List<Double> std,
        String outputName,
        int dimension,
        String sha256,
        String description,
        String licence) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String BUILTIN_FOLDER = "backbones/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BackboneCard {
        requireText(name, "name");
        requireText(model, "model");
        requireText(inputName, "inputName");
        requireText(outputName, "outputName");
        if (inputSize < 16 || inputSize > 4096) {
            throw new IllegalArgumentException("card '" + name + "': inputSize must be 16..4096 px, got " + inputSize);
        }
        if (channelOrder == null) {
            throw new IllegalArgumentException("card '" + name + "': channelOrder must be RGB or BGR");
        }
        mean = threeFinite(name, "mean", mean);
        std = threeFinite(name, "std", std);
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("card '" + name + "': every std must be > 0, got " + std);
            }
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("card '" + name + "': dimension must be > 0, got " + dimension);
        }
        if (sha256 == null || !SHA256.matcher(sha256.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException(
                    "card '" + name + "': sha256 must be 64 hexadecimal digits, got " + sha256);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        description = description == null ? "" : description;
        licence = licence == null ? "" : licence;
    }

    /** Reads a card from JSON; the message of any failure names the file. */
    public static BackboneCard read(Path json) throws BackboneException {
        try (InputStream in = Files.newInputStream(json)) {
            return parse(in, json.toString());
        } catch (IOException e) {
            if (e instanceof BackboneException b) {
                throw b;
            }
            throw new BackboneException(json + ": cannot read backbone card: " + e.getMessage(), e);
        }
    }

    /** Writes this card as indented JSON, replacing the file. */
    public void write(Path json) throws BackboneException {
        try {
            JSON.writeValue(json.toFile(), this);
        } catch (IOException e) {
            throw new BackboneException(json + ": cannot write backbone card: " + e.getMessage(), e);
        }
    }

    /** The card as JSON, as stored in the feature store's {@code backbones} table and in model bundles. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JacksonException e) {
            throw new IllegalStateException("card '" + name + "' cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a card from JSON text; {@code source} names where the text came from in error messages. */
    public static BackboneCard fromJson(String json, String source) throws BackboneException {
        return parse(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    /** One of the cards shipped with Tessera (see {@link #builtinNames()}). */
    public static BackboneCard builtin(String name) throws BackboneException {
        String resource = BUILTIN_FOLDER + name + ".json";
        try (InputStream in = BackboneCard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new BackboneException("no built-in backbone card '" + name + "'; built-in cards are "
                        + builtinNames());
            }
            return parse(in, "built-in card " + resource);
        } catch (IOException e) {
            if (e instanceof BackboneException b) {
                throw b;
            }
            throw new BackboneException("built-in card " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Names of the shipped cards, from the resource {@code backbones/index.txt}, in its order. */
    public static List<String> builtinNames() {
        String resource = BUILTIN_FOLDER + "index.txt";
        try (InputStream in = BackboneCard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the extractor jar");
            }
            List<String> names = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        names.add(trimmed);
                    }
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The model file named by this card, resolved against a folder (the card's own folder or a models folder). */
    public Path modelIn(Path folder) {
        return folder.resolve(model);
    }

    /** Floats in one preprocessed tile: {@code 3 * inputSize * inputSize}. */
    public int floatsPerTile() {
        return 3 * inputSize * inputSize;
    }

    private static BackboneCard parse(InputStream in, String source) throws BackboneException {
        try {
            return JSON.readValue(in, BackboneCard.class);
        } catch (JacksonException e) {
            // A failed compact-constructor check arrives wrapped; its own message is the useful one.
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String problem = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new BackboneException(source + ": invalid backbone card: " + problem, e);
        } catch (IOException e) {
            throw new BackboneException(source + ": cannot read backbone card: " + e.getMessage(), e);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("backbone card: '" + field + "' must not be blank");
        }
    }

    private static List<Double> threeFinite(String card, String field, List<Double> values) {
        if (values == null || values.size() != 3) {
            throw new IllegalArgumentException(
                    "card '" + card + "': " + field + " must have 3 values (one per channel), got " + values);
        }
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("card '" + card + "': " + field + " must be finite, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
