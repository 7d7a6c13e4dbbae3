package com.sagemakermlops.engine;

import com.google.common.collect.ImmutableMap;
import com.google.gson.Gson;
import com.sagemakermlops.testing.EngineConfig;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.pulumi.core.internal.Urn;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.PulumiTestInternal;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.stacks.Platform;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

/**
 * The Pulumi engine's side of a program run, over gRPC as the Pulumi CLI serves it (a resource monitor and an
 * engine on local ports, found through {@code PULUMI_MONITOR} / {@code PULUMI_ENGINE}), answering with the offline
 * engine's {@link FakeCloud}: the program Pulumi runs ({@code java -jar target/sagemaker-mlops.jar}) can then be run
 * whole, as {@code pulumi up} runs it, without the Pulumi CLI or a cloud.
 * <p>
 * {@code main} serves one run of a stack file's program: it prints the environment the program needs as one JSON
 * line, serves until its standard input closes, then prints how many resources were registered and the errors.
 */
final class FakePulumiEngine implements AutoCloseable {
    private static final String PROJECT = OfflineEngine.PROJECT;
    private static final String DEFAULT_ACCOUNT = "123456789012";

    private final String stack;
    private final FakeCloud cloud;
    private final Serializer serializer;
    private final Deserializer deserializer;
    private final Map<String, Map<String, Object>> registered = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Server monitor;
    private final Server engine;

    FakePulumiEngine(String stack, FakeCloud cloud) throws IOException {
        this.stack = stack;
        this.cloud = cloud;
        var log = PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.WARNING));
        this.serializer = new Serializer(log);
        this.deserializer = new Deserializer(log);
        this.monitor = serve(new Monitor());
        this.engine = serve(new Engine());
    }

    /** The environment the Pulumi CLI gives a program, for this engine and {@code config}. */
    Map<String, String> environment(Map<String, Object> config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULUMI_MONITOR", "127.0.0.1:" + monitor.getPort());
        env.put("PULUMI_ENGINE", "127.0.0.1:" + engine.getPort());
        env.put("PULUMI_ORGANIZATION", OfflineEngine.ORGANIZATION);
        env.put("PULUMI_PROJECT", PROJECT);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_DRY_RUN", "false");
        env.put("PULUMI_CONFIG", engineConfig(config));
        return env;
    }

    /** Stack-file settings as the engine hands them over: every value a string, structured values as JSON. */
    static String engineConfig(Map<String, Object> config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.forEach((key, value) -> values.put(key, EngineConfig.text(value)));
        return EngineConfig.json(values);
    }

    /** URNs of the resources registered (and read) so far. */
    List<String> registeredUrns() {
        return registered.keySet().stream().sorted().toList();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        engine.shutdownNow();
    }

    private static Server serve(io.grpc.BindableService service) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(400 * 1024 * 1024).addService(service).build().start();
    }

    private String urn(String parent, String type, String name) {
        return Urn.create(stack, PROJECT, Optional.of(parent), type, name);
    }

    /** Known, present values only, as the SDK's mock monitor hands them to the mocks. */
    private ImmutableMap<String, Object> inputs(Struct object) {
        var values = ImmutableMap.<String, Object>builder();
        object.getFieldsMap().forEach((key, value) -> {
            var data = deserializer.deserialize(value);
            if (data.isKnown() && data.getValueOptional().isPresent()) {
                values.put(key, data.getValueOptional().get());
            }
        });
        return values.build();
    }

    @SuppressWarnings("unchecked")
    private Struct struct(Object value) {
        return Serializer.createStruct((Map<String, Object>) serializer.serializeAsync("engine", value, true).join());
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> reply) {
            answer(reply, SupportsFeatureResponse.newBuilder().setHasSupport(!"outputValues".equals(request.getId()))
                    .build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> reply) {
            String urn = urn(request.getParent(), request.getType(), request.getName());
            if (request.getType().equals(RecordedResource.STACK_TYPE)) {
                registered.put(urn, Map.of());
                answer(reply, RegisterResourceResponse.newBuilder().setUrn(urn).setObject(Struct.getDefaultInstance())
                        .build());
                return;
            }
            var result = cloud.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                    inputs(request.getObject()), request.getProvider(), request.getImportId())).join();
            String id = result.id.orElse(request.getImportId());
            registered.put(urn, Map.of("urn", urn, "id", id, "state", result.state));
            Struct outputs = EngineSecrets.registeredOutputs(request.getObject(),
                    request.getAdditionalSecretOutputsList(), struct(result.state));
            answer(reply, RegisterResourceResponse.newBuilder().setUrn(urn).setId(id).setObject(outputs).build());
        }

        @Override
        public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> reply) {
            String urn = urn(request.getParent(), request.getType(), request.getName());
            var result = cloud.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                    inputs(request.getProperties()), request.getProvider(), request.getId())).join();
            registered.put(urn, Map.of("urn", urn, "id", result.id.orElse(request.getId()), "state", result.state));
            Struct properties = request.getType().equals(RecordedResource.STACK_REFERENCE_TYPE)
                    ? EngineSecrets.stackReference(struct(result.state)) : struct(result.state);
            answer(reply, ReadResourceResponse.newBuilder().setUrn(urn).setProperties(properties).build());
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> reply) {
            ImmutableMap<String, Object> args = inputs(request.getArgs());
            Object result = request.getTok().equals("pulumi:pulumi:getResource")
                    ? registered.get(String.valueOf(args.get("urn")))
                    : cloud.callAsync(new Mocks.CallArgs(request.getTok(), args, request.getProvider())).join();
            answer(reply, ResourceInvokeResponse.newBuilder().setReturn(struct(result)).build());
        }

        @Override
        public void call(ResourceCallRequest request, StreamObserver<CallResponse> reply) {
            Object result = cloud.callAsync(new Mocks.CallArgs(request.getTok(), inputs(request.getArgs()),
                    request.getProvider())).join();
            answer(reply, CallResponse.newBuilder().setReturn(struct(result)).build());
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> reply) {
            answer(reply, Empty.getDefaultInstance());
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> reply) {
            answer(reply, RegisterPackageResponse.newBuilder().setRef(request.getName() + "-" + request.getVersion())
                    .build());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> reply) {
            if (request.getSeverity() == LogSeverity.ERROR) {
                errors.add(request.getMessage());
            }
            answer(reply, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> reply) {
            answer(reply, GetRootResourceResponse.newBuilder().setUrn(urn("", RecordedResource.STACK_TYPE,
                    PROJECT + "-" + stack)).build());
        }
    }

    private static <T> void answer(StreamObserver<T> reply, T response) {
        reply.onNext(response);
        reply.onCompleted();
    }

    /** The fake cloud a stack file's program runs in, with its tooling stack's outputs planned offline. */
    static FakeCloud cloudFor(Path stackFile, StackConfig config) {
        FakeCloud.Account home = new FakeCloud.Account(config.accountId().orElse(DEFAULT_ACCOUNT), config.region());
        if (config.role() != StackRole.HOSTING) {
            return new FakeCloud(home, Map.of());
        }
        String reference = config.requireHosting().toolingStack();
        String tooling = reference.substring(reference.lastIndexOf('/') + 1);
        Path toolingFile = stackFile.toAbsolutePath().resolveSibling("Pulumi." + tooling + ".yaml");
        StackConfig toolingConfig = parse(toolingFile);
        Recording toolingPlan = OfflineEngine.run(tooling, cloudFor(toolingFile, toolingConfig), false,
                ctx -> Platform.define(ctx, toolingConfig));
        return new FakeCloud(home, Map.of(tooling, toolingPlan.referencedOutputs()));
    }

    static StackConfig parse(Path stackFile) {
        return new StackConfigParser(stackFile.toAbsolutePath().getParent(), () -> Optional.of(DEFAULT_ACCOUNT))
                .parse(ConfigSources.fromStackFile(stackFile));
    }

    /** {@code FakePulumiEngine STACK_FILE}: serves one program run of that stack (see the class comment). */
    public static void main(String[] args) throws IOException {
        Path stackFile = Path.of(args[0]);
        String stack = stackFile.getFileName().toString().replaceFirst("^Pulumi\\.", "").replaceFirst("\\.ya?ml$", "");
        StackConfig config = parse(stackFile);
        try (FakePulumiEngine engine = new FakePulumiEngine(stack, cloudFor(stackFile, config))) {
            System.out.println(new Gson().toJson(engine.environment(ConfigSources.fromStackFile(stackFile))));
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the caller closes standard input
            }
            System.out.println("registered=" + engine.registeredUrns().size() + " errors=" + engine.errors().size());
            engine.errors().forEach(System.err::println);
        }
    }
}
