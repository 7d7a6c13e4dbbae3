package com.sagemakermlops.hostile;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.sagemakermlops.cli.Mlops;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.analyzer.AnalyzerServer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus under {@code src/test/resources/hostile/}: stack files, command lines, MDAA configs and
 * zips run through {@code Mlops.run}, analyzer requests through the real analyzer server over gRPC. Each case names
 * its exit code (or gRPC status) and what its output must say; no output of any case may carry a Java exception
 * name or stack frame, or a value the case marks as secret.
 */
class HostileCorpusTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path CORPUS = ROOT.resolve("src/test/resources/hostile");
    private static final Pattern JAVA_LEAK = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\n\\s+at [\\w$.]+\\(|Caused by:|\\bjava\\.(lang|io|util|nio)\\.");
    private static AnalyzerServer server;
    private static ManagedChannel channel;

    static List<HostileCase> cases() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".case")).sorted().map(HostileCase::read).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (c.directives().containsKey("rpc")) {
                analyzer(c);
            } else {
                commandLine(c);
            }
        }));
    }

    /** The corpus holds what its description promises: at least 200 cases, in every class of hostile input. */
    @Test
    void theCorpusCoversEveryClass() throws IOException {
        Map<String, Long> perClass = new TreeMap<>();
        cases().forEach(c -> perClass.merge(c.kind(), 1L, Long::sum));
        System.out.println("hostile corpus cases per class: " + perClass);
        assertThat(perClass.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(200);
        assertThat(perClass).containsOnlyKeys("refs", "numbers", "cidrs", "wildcards", "iam-documents", "yaml-keys",
                "cli", "mdaa", "analyzer");
    }

    // --- command line ----------------------------------------------------------------------------------------

    private static void commandLine(HostileCase c) throws IOException {
        Path dir = Files.createTempDirectory("hostile-");
        String previous = System.getProperty("mlops.project.dir");
        try {
            c.materialise(ROOT, dir);
            String[] args = HostileCase.substitute(c.one("args", "plan case"), ROOT, dir).split(" ");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setProperty("mlops.project.dir", dir.toString());
            int exit = Mlops.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            String both = stdout + "\n" + stderr;
            assertThat(exit).as("exit code of %s\n%s", c, both).isEqualTo(Integer.parseInt(c.one("exit", "2")));
            c.all("stderr").forEach(s -> assertThat(stderr).as(c.name()).contains(HostileCase.substitute(s, ROOT, dir)));
            c.all("stdout").forEach(s -> assertThat(stdout).as(c.name()).contains(HostileCase.substitute(s, ROOT, dir)));
            noLeaks(c, both);
            for (String absent : c.all("absent")) {
                assertThat(dir.resolve(absent)).as(c.name()).doesNotExist();
            }
            for (String present : c.all("present")) {
                assertThat(dir.resolve(present)).as(c.name()).exists();
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("temporary folders left behind by %s", c).noneMatch(n -> n.startsWith("."));
            }
        } finally {
            if (previous == null) {
                System.clearProperty("mlops.project.dir");
            } else {
                System.setProperty("mlops.project.dir", previous);
            }
            delete(dir);
        }
    }

    private static void noLeaks(HostileCase c, String output) {
        assertThat(JAVA_LEAK.matcher(output).find()).as("%s names a Java exception or frame:\n%s", c, output).isFalse();
        for (String secret : c.all("not-output")) {
            assertThat(output).as(c.name()).doesNotContainIgnoringCase(secret);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // --- analyzer --------------------------------------------------------------------------------------------

    private static AnalyzerGrpc.AnalyzerBlockingStub stub() throws IOException {
        if (server == null) {
            server = AnalyzerServer.start(PolicyPack.standard());
            channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                    .maxInboundMessageSize(64 * 1024 * 1024).build();
        }
        return AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopAnalyzer() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
            server.stop();
        }
    }

    private static void analyzer(HostileCase c) throws IOException {
        Status status = Status.OK;
        List<AnalyzeDiagnostic> diagnostics = new ArrayList<>();
        try {
            switch (c.one("rpc", "")) {
                case "analyze" -> {
                    AnalyzeRequest.Builder request = parse(c.body(), AnalyzeRequest.newBuilder());
                    int nest = Integer.parseInt(c.one("nest", "0"));
                    if (nest > 0) {
                        request.setProperties(request.getProperties().toBuilder().putFields("deep", nested(nest)));
                    }
                    diagnostics.addAll(stub().analyze(request.build()).getDiagnosticsList());
                }
                case "analyzeStack" -> {
                    AnalyzeStackRequest.Builder request = parse(c.body(), AnalyzeStackRequest.newBuilder());
                    int repeat = Integer.parseInt(c.one("repeat", "0"));
                    AnalyzerResource first = request.getResourcesCount() > 0 ? request.getResources(0) : null;
                    for (int i = 0; i < repeat && first != null; i++) {
                        request.addResources(first.toBuilder().setName(first.getName() + i)
                                .setUrn(first.getUrn() + i));
                    }
                    AnalyzeResponse response = stub().analyzeStack(request.build());
                    diagnostics.addAll(response.getDiagnosticsList());
                }
                case "configure" -> {
                    try {
                        stub().configure(parse(c.body(), ConfigureAnalyzerRequest.newBuilder()).build());
                    } finally {
                        stub().configure(ConfigureAnalyzerRequest.getDefaultInstance());
                    }
                }
                default -> throw new IllegalStateException(c + ": unknown rpc " + c.one("rpc", ""));
            }
        } catch (StatusRuntimeException e) {
            status = e.getStatus();
        }
        String description = String.valueOf(status.getDescription());
        assertThat(status.getCode().name()).as("%s: %s", c, description).isEqualTo(c.one("status", "OK"));
        c.all("description").forEach(d -> assertThat(description).as(c.name()).contains(d));
        List<String> messages = diagnostics.stream().map(d -> d.getPolicyName() + ": " + d.getMessage()).toList();
        c.all("diagnostic").forEach(d -> assertThat(messages).as(c.name()).anySatisfy(m -> assertThat(m).contains(d)));
        c.all("no-diagnostic").forEach(p -> assertThat(diagnostics).as(c.name())
                .noneMatch(d -> d.getPolicyName().equals(p)));
        c.all("mandatory").forEach(p -> assertThat(diagnostics).as(c.name()).anyMatch(d -> d.getPolicyName().equals(p)
                && d.getEnforcementLevel() == pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY));
        c.all("diagnostics-at-most").forEach(n -> assertThat(diagnostics).as(c.name()).hasSizeLessThanOrEqualTo(
                Integer.parseInt(n)));
        noLeaks(c, description + "\n" + String.join("\n", messages));
    }

    private static <B extends Message.Builder> B parse(String json, B builder) throws IOException {
        JsonFormat.parser().merge(json, builder);
        return builder;
    }

    private static Value nested(int levels) {
        Value v = Value.newBuilder().setStringValue("bottom").build();
        for (int i = 0; i < levels; i++) {
            v = Value.newBuilder().setStructValue(Struct.newBuilder().putFields("a", v)).build();
        }
        return v;
    }
}
