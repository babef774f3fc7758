/**
 * ONNX backbones: the models that turn every tile, once, into an embedding.
 *
 * <p><b>A backbone is data.</b> A {@link org.tessera.backbone.BackboneCard} states everything needed to use an
 * ONNX file (input name and size, channel order, normalisation, output name, dimension) and pins the weights by
 * sha256. The card travels with every embedding and bundle, so features from different models or preprocessing
 * are never mixed. {@link org.tessera.backbone.Backbone#load} checks the card against the model (checksum,
 * input and output names, and a dry run that must yield {@code dimension} floats) and fails with a message
 * naming the file and the mismatch. Cards for the two shipped ImageNet backbones are resources
 * ({@code backbones/<name>.json}); pathology foundation models are user-exported ONNX files with their own card.
 *
 * <p><b>Pipeline.</b> {@link org.tessera.backbone.TilePreprocessor} resizes and normalises RGB tiles in Java
 * directly into a batch buffer ({@code [n,3,S,S]}, row-major); {@link org.tessera.backbone.Backbone#embed} runs
 * the batch through DJL's OnnxRuntime engine and returns {@code n * dimension} floats.
 *
 * <p><b>Device policy.</b> {@link org.tessera.backbone.DeviceChoice#AUTO} picks the GPU only when the ONNX
 * Runtime on the class path has the CUDA execution provider (the GPU build: {@code TESSERA_GPU=1 ./tessera}, Maven
 * profile {@code gpu}, with the CUDA 12 and cuDNN 9 libraries; {@code tessera doctor --gpu} lists them) and an NVIDIA
 * driver is loaded; both facts are read without creating a CUDA context
 * ({@link org.tessera.backbone.DeviceSelector}). Otherwise it picks the CPU. Forcing GPU when either is missing
 * is an error that says what to install. The GPU path uses DJL's documented route ({@code Criteria.optDevice(
 * Device.gpu())}, which makes DJL's {@code OrtModel} call {@code SessionOptions.addCUDA(0)}); it has not been
 * run on a GPU machine.
 *
 * <p><b>Thread policy.</b> A {@code Backbone} holds one DJL predictor and is used from one thread: the extractor
 * has a single inference thread and ONNX Runtime parallelises within a batch (by default one intra-op thread per
 * physical core; {@link org.tessera.backbone.Backbone.Options#intraOpThreads()} overrides it). Parallel inference
 * means one {@code Backbone} per thread. {@code TilePreprocessor} is immutable and may be shared freely.
 * Raw {@code ai.onnxruntime} calls must come after DJL has created the ONNX Runtime environment.
 */
package org.tessera.backbone;
