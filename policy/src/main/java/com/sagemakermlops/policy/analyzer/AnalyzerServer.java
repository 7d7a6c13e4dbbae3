package com.sagemakermlops.policy.analyzer;

import com.sagemakermlops.policy.PolicyPack;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The analyzer plugin: serves {@code pulumirpc.Analyzer} on 127.0.0.1 and a free port, prints the port as
 * the only line on stdout (the engine reads it), logs to stderr, and runs until the engine kills it or
 * sends Cancel.
 *
 * <p>Arguments as the engine passes them: optional {@code --logtostderr}, {@code -v=N},
 * {@code --tracing <endpoint>}, then the engine address, the policy pack directory and
 * {@code -key=value} runtime options from PulumiPolicy.yaml; none of them change what the pack does.
 */
public final class AnalyzerServer {
    /** The largest request accepted (AnalyzeStack carries every resource of the stack). */
    public static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(AnalyzerServer.class.getName());

    private final Server server;

    private AnalyzerServer(Server server) {
        this.server = server;
    }

    /** Starts the server on 127.0.0.1 and a free port. */
    public static AnalyzerServer start(PolicyPack pack) throws IOException {
        Server[] holder = new Server[1];
        AnalyzerService service = new AnalyzerService(pack, () -> {
            Thread t = new Thread(() -> holder[0].shutdown(), "analyzer-cancel");
            t.setDaemon(true);
            t.start();
        });
        holder[0] = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(NestingLimit.apply(service))
                .build()
                .start();
        return new AnalyzerServer(holder[0]);
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    public void stop() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        // Nothing but the port may reach stdout: route every other print to stderr.
        System.setOut(System.err);
        // Netty would otherwise probe for SLF4J and print its missing-binding banner on stderr.
        io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
        String engine = engineAddress(args);
        AnalyzerServer s = start(PolicyPack.standard());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.server.shutdownNow(), "analyzer-shutdown"));
        stdout.println(s.port());
        stdout.flush();
        LOG.fine(() -> "policy pack " + PolicyPack.NAME + " " + PolicyPack.VERSION + " serving on 127.0.0.1:"
                + s.port() + (engine == null ? "" : " for engine " + engine));
        s.awaitTermination();
    }

    /** The first positional argument (the engine address), skipping the engine's logging/tracing flags. */
    static String engineAddress(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--tracing")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }
}
