package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tessera.backbone.BackboneCard;
import org.tessera.extract.BackboneRegistry;
import org.tessera.shared.SharedData;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "backbone", description = "Register ONNX backbones (the models that embed tiles) and list them.",
        subcommands = {BackboneCommand.Add.class, BackboneCommand.List.class})
final class BackboneCommand {

    @Command(mixinStandardHelpOptions = true, name = "add", description = {
        "Register a backbone from its card: a JSON file (--card) or a built-in card name.",
        "The model is loaded once and checked against the card (input and output names, embedding",
        "dimension, sha256 of the weights) before anything is stored.",
        "",
        "Built-in cards: mobilenet_v2_imagenet, inception_v3_mixed5_imagenet.",
        "Your own model (UNI, Phikon, ...): export it to ONNX with a batch dimension, write a card such as",
        "  {\"name\":\"uni\",\"model\":\"uni.onnx\",\"inputName\":\"input\",\"inputSize\":224,\"channelOrder\":\"RGB\",",
        "   \"mean\":[123.675,116.28,103.53],\"std\":[58.395,57.12,57.375],\"outputName\":\"embedding\",",
        "   \"dimension\":1024,\"sha256\":\"<sha256sum of uni.onnx>\"}",
        "and run: tessera backbone add --card uni.json"})
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A built-in card name.")
        String name;

        @Option(names = "--card", paramLabel = "FILE", description = "A backbone card (JSON).")
        Path card;

        @Option(names = "--model", paramLabel = "FILE", description = "The .onnx file (default: the card's 'model' beside the card, or in --models).")
        Path model;

        @Option(names = "--models", paramLabel = "DIR", description = "Folder holding .onnx files (default: the shared data's models/).")
        Path models;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if ((name == null) == (card == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either a built-in NAME or --card FILE");
            }
            BackboneCard c = card != null ? BackboneCard.read(card) : BackboneCard.builtin(name);
            Optional<Path> modelsDir = Optional.ofNullable(models).or(() -> SharedData.locate().map(s -> s.resolve("models")));
            Path modelFile = BackboneRegistry.modelFile(c, Optional.ofNullable(model), Optional.ofNullable(card), modelsDir);
            try (FeatureStore s = FeatureStore.open(store.store)) {
                boolean added = BackboneRegistry.add(s, c, modelFile);
                spec.commandLine().getOut().printf("%s %s: %d-dimensional embeddings from %s (sha256 %s...)%n",
                        added ? "added" : "already registered", c.name(), c.dimension(), modelFile, c.sha256().substring(0, 12));
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List the backbones registered in the store.")
    static final class List implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (FeatureStore s = FeatureStore.openReadOnly(store.store)) {
                out.printf("%-32s %6s %6s  %-14s %s%n", "backbone", "dim", "input", "sha256", "model");
                for (BackboneRecord b : s.backbones().all()) {
                    out.printf("%-32s %6d %6d  %-14s %s%n", b.backbone(), b.dimension(), b.inputSize(),
                            b.weightsSha256().substring(0, 12), b.modelPath());
                }
            }
            return 0;
        }
    }
}
