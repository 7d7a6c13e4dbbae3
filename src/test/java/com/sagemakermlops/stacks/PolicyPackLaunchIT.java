package com.sagemakermlops.stacks;

import com.google.protobuf.Empty;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.analyzer.AnalyzerProcess;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged policy pack as the Pulumi engine runs it, from a copy of {@code policy/} in a folder of its own (no
 * project, no {@code target/} beside it), in both launches the engine has (pulumi/pulumi
 * pkg/resource/plugin/analyzer_plugin.go, {@code NewPolicyAnalyzer}):
 * <ul>
 *   <li>by runtime name: no language plugin {@code mlops-java}, so {@code pulumi-analyzer-policy-<runtime>} looked up
 *   on PATH, started in the pack's folder with {@code <engine> . [-option=value]...};</li>
 *   <li>as the executable given to {@code --policy-pack} (CLI 3.255 and later, pulumi/pulumi#24052): started in the
 *   program's folder with {@code <engine>} only.</li>
 * </ul>
 * Both get the engine's logging flags first ({@code buildPluginArguments} in plugin.go). Each then receives the calls
 * in the engine's order: Handshake (newPlugin), ConfigureStack (NewPolicyAnalyzer), GetAnalyzerInfo and Configure
 * with every policy's reconciled config (pkg/engine/update.go {@code LoadLocalPolicyPackAnalyzers},
 * pkg/resource/analyzer/config.go {@code ReconcilePolicyPackConfig}), Remediate then Analyze for each resource
 * (pkg/resource/deploy/step_generator.go), AnalyzeStack over the final outputs ({@code AnalyzeResources}), and Cancel
 * when the host closes (pkg/host/host.go {@code Close}) before it kills the process.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PolicyPackLaunchIT {
    private static final String ENGINE = "127.0.0.1:9";
    private static final String EXECUTABLE = "pulumi-analyzer-policy-mlops-java";
    private static Recording dev;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws IOException {
        dev = TestStacks.run("dev", ToolingStackTest.dev());
        assertThat(dev.errors()).isEmpty();
    }

    /** A copy of the built policy/ folder, alone. */
    private Path packCopy() throws IOException {
        Path source = TestStacks.ROOT.resolve("policy");
        assertThat(source.resolve("lib/sagemaker-mlops-policy.jar")).as("mvn package builds the pack's jar").isRegularFile();
        Path pack = dir.resolve("pack");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = pack.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return pack;
    }

    private static ProcessBuilder engineLaunch(Path executable, Path workingDirectory, String path, String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--logtostderr", "-v=9"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().remove("MLOPS_ANALYZER_CLASSPATH");
        pb.environment().put("PATH", path);
        return pb;
    }

    /** The engine's lookup of a plugin executable on PATH ({@code exec.LookPath} in workspace.GetPluginPath). */
    private static Optional<Path> onPath(String name, String path) {
        return Stream.of(path.split(File.pathSeparator)).map(entry -> Path.of(entry, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static String runtimeOf(Path pack) throws IOException {
        Map<String, Object> project = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(pack.resolve("PulumiPolicy.yaml")));
        return String.valueOf(project.get("runtime"));
    }

    @Test
    void foundByItsRuntimeNameOnPathItServesTheEngineInItsOrder() throws Exception {
        Path pack = packCopy();
        String path = pack + File.pathSeparator + System.getenv("PATH");
        Path executable = onPath("pulumi-analyzer-policy-" + runtimeOf(pack), path).orElseThrow();
        assertThat(executable.getFileName().toString()).isEqualTo(EXECUTABLE);

        playTheEngine(AnalyzerProcess.launch(engineLaunch(executable, pack, path, ENGINE, ".")), pack);
    }

    @Test
    void givenAsTheExecutableToPolicyPackItServesTheEngineInItsOrder() throws Exception {
        Path pack = packCopy();
        Path program = Files.createDirectories(dir.resolve("program"));

        playTheEngine(AnalyzerProcess.launch(engineLaunch(pack.resolve(EXECUTABLE), program, System.getenv("PATH"),
                ENGINE)), pack);
    }

    @Test
    void aPackMissingALibraryDoesNotServe() throws Exception {
        Path pack = packCopy();
        try (Stream<Path> jars = Files.list(pack.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith("grpc-netty-shaded")).toList()) {
                Files.delete(jar);
            }
        }
        Path program = Files.createDirectories(dir.resolve("program"));

        assertThatThrownBy(() -> AnalyzerProcess.launch(engineLaunch(pack.resolve(EXECUTABLE), program,
                System.getenv("PATH"), ENGINE))).hasMessageContaining("printed no port");
    }

    private static void playTheEngine(AnalyzerProcess plugin, Path pack) throws Exception {
        try (plugin) {
            AnalyzerGrpc.AnalyzerBlockingStub stub = plugin.stub();
            stub.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress(ENGINE)
                    .setRootDirectory(pack.toString()).setProgramDirectory(pack.toString()).build());
            stub.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("dev").setProject("sagemaker-mlops")
                    .setOrganization("organization").setDryRun(true)
                    .putConfig("sagemaker-mlops:role", "tooling").build());

            AnalyzerInfo info = stub.getAnalyzerInfo(Empty.getDefaultInstance());
            assertThat(info.getName()).isEqualTo(PolicyPack.NAME);
            assertThat(info.getSupportsConfig()).isTrue();
            ConfigureAnalyzerRequest.Builder configure = ConfigureAnalyzerRequest.newBuilder();
            for (PolicyInfo policy : info.getPoliciesList()) {
                PolicyConfig initial = info.getInitialConfigOrDefault(policy.getName(), PolicyConfig.getDefaultInstance());
                configure.putPolicyConfig(policy.getName(), PolicyConfig.newBuilder()
                        .setEnforcementLevel(policy.getEnforcementLevel())
                        .setProperties(initial.getProperties()).build());
            }
            stub.configure(configure.build());

            List<AnalyzeDiagnostic> diagnostics = new ArrayList<>();
            for (RecordedResource r : dev.resources()) {
                AnalyzeRequest request = AnalyzerRequests.analyze(r);
                assertThat(stub.remediate(request).getRemediationsList()).isEmpty();
                diagnostics.addAll(stub.analyze(request).getDiagnosticsList());
            }
            assertThat(diagnostics).isNotEmpty().allSatisfy(d -> {
                assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
                assertThat(d.getMessage()).startsWith("suppressed: ");
            });
            assertThat(stub.analyzeStack(AnalyzeStackRequest.newBuilder()
                    .addAllResources(dev.resources().stream().map(r -> AnalyzerRequests.stackResource(r, r.outputs()))
                            .toList()).build())
                    .getDiagnosticsList()).isEmpty();

            stub.cancel(Empty.getDefaultInstance());
            Process process = plugin.process();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on Cancel").isTrue();
            assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("nothing after the port on stdout").isEmpty();
        }
    }
}
