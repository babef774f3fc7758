import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;

/**
 * What an extraction's planner and readers do with each plain JPEG section, alone: open, decode (first read),
 * thumbnail (1024 px), 600 reads of 324 px regions at random places, close; over the six HER2ST sections, several
 * passes. Prints per pass the process CPU (every thread: garbage collection and page faults included) and this
 * thread's, with its decode and thumbnail parts. Public API only, so it runs against any build's jar, to compare
 * two builds back to back (docs/benchmarks.md, "Plain JPEG sections: decode into native memory"):
 *
 * <pre>
 * java -Xmx8g --enable-native-access=ALL-UNNAMED -cp target/tessera.jar scripts/bench/PlainJpegPlanner.java 4 ../shared
 * </pre>
 */
public class PlainJpegPlanner {
    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(1);
        for (int pass = 1; pass <= passes; pass++) {
            long process = os.getProcessCpuTime();
            long thread = threads.getCurrentThreadCpuTime();
            long decode = 0;
            long thumbnail = 0;
            for (String name : List.of("B4", "C2", "C3", "C4", "C5", "C6")) {
                try (Slide slide = Slides.open(shared.resolve("her2st/images/" + name + ".jpg"), OptionalDouble.of(0.69))) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    slide.readRegion(0, 0, 0, 1, 1);
                    long t1 = threads.getCurrentThreadCpuTime();
                    slide.thumbnail(1024);
                    long t2 = threads.getCurrentThreadCpuTime();
                    decode += t1 - t0;
                    thumbnail += t2 - t1;
                    for (int i = 0; i < 600; i++) {
                        slide.readRegion(random.nextInt(8900), random.nextInt(9500), 0, 324, 324);
                    }
                }
            }
            System.out.printf("pass %d: process CPU %.2f s, thread CPU %.2f s (decode %.2f, thumbnail %.2f)%n", pass,
                    (os.getProcessCpuTime() - process) / 1e9, (threads.getCurrentThreadCpuTime() - thread) / 1e9, decode / 1e9,
                    thumbnail / 1e9);
        }
    }
}
