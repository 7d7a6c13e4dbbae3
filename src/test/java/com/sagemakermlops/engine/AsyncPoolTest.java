package com.sagemakermlops.engine;

import com.sagemakermlops.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program on a two-processor machine (a 2-vCPU deploy build): its asynchronous steps run on the common pool
 * instead of a thread each. Counted from the JVM's own thread log of a separate process, which is what sees
 * {@code main}'s settings before anything else ran.
 */
class AsyncPoolTest {
    /** The JVM's own threads (collector, compilers, ...) plus the pool's workers; the SDK alone started ~3,900. */
    private static final int AT_MOST = 40;

    @Test
    void aPlanOnTwoProcessorsStartsAFewThreadsNotOnePerAsynchronousStep(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path threadLog = dir.resolve("threads.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process plan = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=1",
                "-Xlog:os+thread=info:file=" + threadLog, "-Dmlops.project.dir=" + Path.of("").toAbsolutePath(),
                "-cp", classpath, App.class.getName(), "plan", "dev")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr").toFile())
                .start();

        assertThat(plan.waitFor()).as(Files.readString(dir.resolve("stderr"))).isZero();
        List<String> started = Files.readAllLines(threadLog).stream().filter(line -> line.contains(" started ")).toList();
        assertThat(started).as("threads started by a plan of dev").hasSizeLessThanOrEqualTo(AT_MOST);
    }
}
