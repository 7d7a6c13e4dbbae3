package com.sagemakermlops.engine;

import com.sagemakermlops.App;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.stacks.Platform;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program as Pulumi runs it ({@code App} without arguments, talking gRPC to the engine that started it), on a
 * two-processor machine, against an engine that answers like the offline one: it registers what the offline plan
 * records, through the completion runner and the common pool (a few threads, not one per asynchronous step).
 */
class ProgramRunTest {
    /** The JVM's own threads, gRPC's and the pool's workers; with the SDK's runner alone there were thousands. */
    private static final int AT_MOST_THREADS = 60;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "preprod"})
    void theProgramPulumiRunsRegistersWhatThePlanRecords(String stack, @TempDir Path dir)
            throws IOException, InterruptedException {
        Path stackFile = Path.of("Pulumi." + stack + ".yaml");
        StackConfig config = FakePulumiEngine.parse(stackFile);
        FakeCloud cloud = FakePulumiEngine.cloudFor(stackFile, config);
        Path threadLog = dir.resolve("threads.log");

        try (FakePulumiEngine engine = new FakePulumiEngine(stack, cloud)) {
            ProcessBuilder program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=1", "-Xlog:os+thread=info:file=" + threadLog,
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    App.class.getName())
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile());
            program.environment().putAll(engine.environment(ConfigSources.fromStackFile(stackFile)));
            int exit = program.start().waitFor();

            assertThat(exit).as(Files.readString(dir.resolve("stderr"))).isZero();
            assertThat(engine.errors()).isEmpty();
            Recording plan = OfflineEngine.run(stack, cloud, false, ctx -> Platform.define(ctx, config));
            assertThat(engine.registeredUrns())
                    .isEqualTo(plan.resources().stream().map(RecordedResource::urn).sorted().toList());
        }
        List<String> started = Files.readAllLines(threadLog).stream().filter(line -> line.contains(" started ")).toList();
        assertThat(started).as("threads started by the program").hasSizeLessThanOrEqualTo(AT_MOST_THREADS);
    }
}
