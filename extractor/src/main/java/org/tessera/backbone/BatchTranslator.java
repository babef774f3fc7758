package org.tessera.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves an already preprocessed {@code [n,3,S,S]} float batch into DJL and one named output back out.
 *
 * <p>It exists because DJL's ONNX Runtime engine supports almost no array operations: everything (resizing,
 * normalisation, batching) is done in Java beforehand, and this translator only wraps the floats in a tensor
 * named after the card's input and copies the requested output to a {@code float[]}. DJL's ONNX Runtime block
 * runs the session for all of the model's outputs; the requested one is picked by name here.
 */
final class BatchTranslator implements NoBatchifyTranslator<BatchTranslator.Request, BatchTranslator.Reply> {

    /**
     * {@code n} tiles of {@code 3*side*side} floats at the start of {@code data}, and the output wanted. A direct
     * buffer in native order goes to ONNX Runtime as it is; any other is copied into a new direct buffer first.
     */
    record Request(FloatBuffer data, int n, String output) {
        Request(float[] data, int n, String output) {
            this(FloatBuffer.wrap(data), n, output);
        }
    }

    /**
     * The requested output, when the model has it: {@code values} holds all its floats row-major and
     * {@code shape} its dimensions; both are empty when the model has no such output.
     */
    record Reply(List<String> outputNames, float[] values, long[] shape) {
        boolean found() {
            return shape.length > 0;
        }
    }

    private final String inputName;
    private final int side;

    BatchTranslator(String inputName, int side) {
        this.inputName = inputName;
        this.side = side;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Request request) {
        FloatBuffer floats = request.data().slice(0, request.n() * 3 * side * side);
        NDArray batch = ctx.getNDManager().create(floats, new Shape(request.n(), 3, side, side));
        batch.setName(inputName);
        ctx.setAttachment("output", request.output());
        return new NDList(batch);
    }

    @Override
    public Reply processOutput(TranslatorContext ctx, NDList outputs) {
        String wanted = (String) ctx.getAttachment("output");
        List<String> names = new ArrayList<>(outputs.size());
        NDArray match = null;
        for (NDArray array : outputs) {
            names.add(array.getName());
            if (wanted.equals(array.getName())) {
                match = array;
            }
        }
        if (match == null) {
            return new Reply(List.copyOf(names), new float[0], new long[0]);
        }
        return new Reply(List.copyOf(names), match.toFloatArray(), match.getShape().getShape());
    }
}
