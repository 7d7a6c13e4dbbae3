package com.sagemakermlops.policy.analyzer;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.AnalyzerGrpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * The real plugin executable (policy/pulumi-analyzer-policy-mlops-java) started as the engine starts it, on the
 * test class path, with a gRPC channel to the port it prints as its first stdout line.
 */
public final class AnalyzerProcess implements AutoCloseable {
    private final Process process;
    private final String firstLine;
    private final ManagedChannel channel;

    private AnalyzerProcess(Process process, String firstLine, ManagedChannel channel) {
        this.process = process;
        this.firstLine = firstLine;
        this.channel = channel;
    }

    /** The executable in this repository's policy/ on the test class path, started as the engine finds it on PATH. */
    public static AnalyzerProcess start() throws IOException {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path script = base.resolve("policy/pulumi-analyzer-policy-mlops-java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(),
                "--logtostderr", "-v=9", "--tracing", "127.0.0.1:1", "127.0.0.1:9", ".")
                .directory(base.resolve("policy").toFile());
        pb.environment().put("MLOPS_ANALYZER_CLASSPATH", classpath);
        return launch(pb);
    }

    /**
     * Starts a plugin as the engine does ({@code newPlugin} in pulumi/pulumi pkg/resource/plugin/plugin.go): reads
     * the port from the first stdout line, and connects to it. Stderr goes to the test's.
     */
    public static AnalyzerProcess launch(ProcessBuilder pb) throws IOException {
        Process process = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String firstLine = out.readLine();
        if (firstLine == null || !firstLine.trim().matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("the plugin printed no port, but: " + firstLine);
        }
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(firstLine.trim()))
                .usePlaintext().maxInboundMessageSize(64 * 1024 * 1024).build();
        return new AnalyzerProcess(process, firstLine, channel);
    }

    /** What the plugin printed first: the port it listens on. */
    public String firstLine() {
        return firstLine;
    }

    public Process process() {
        return process;
    }

    /** A stub whose calls time out after 30 seconds. */
    public AnalyzerGrpc.AnalyzerBlockingStub stub() {
        return AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
