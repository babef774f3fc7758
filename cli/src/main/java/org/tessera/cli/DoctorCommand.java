package org.tessera.cli;

import java.util.concurrent.Callable;
import org.tessera.doctor.Doctor;
import org.tessera.doctor.DoctorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "doctor", description = {
    "Say what this machine can run: the JDK, OpenSlide, OpenBLAS (for Smile), libjpeg-turbo, the ONNX Runtime build",
    "in this jar (CPU or GPU) and its execution providers, the NVIDIA driver, and each CUDA library the GPU build's",
    "CUDA provider loads (libcuda.so.1, libcudart.so.12, libcublas.so.12, libcublasLt.so.12, libcurand.so.10,",
    "libcudnn.so.9; libcufft.so.11 for FFT operators only). What is missing is named with the package or container",
    "image that provides it.",
    "",
    "Exit code 0 when the CPU path can run (with --gpu: when the GPU path can run), 1 otherwise.",
    "",
    "Examples:",
    "  ./tessera doctor",
    "  TESSERA_GPU=1 ./tessera doctor --gpu            # the GPU build: is CUDA inference possible here?",
    "  ./tessera doctor --format json | jq .gpuReady"})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--gpu", description = "Ask whether GPU inference can run (exit code 0 only then).")
    boolean gpu;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be table or json, got " + format);
        }
        DoctorReport report = Doctor.system().run();
        spec.commandLine().getOut().print(format.equals("json") ? report.json() : report.table(gpu));
        spec.commandLine().getOut().flush();
        return report.exitCode(gpu);
    }
}
