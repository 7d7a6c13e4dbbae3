package com.sagemakermlops.stacks;

import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.analyzer.AnalyzerProcess;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real analyzer executable fed what the engine would send it for the recorded dev stack: every resource with
 * its wire-format inputs through Analyze, then all of them through AnalyzeStack.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AnalyzerRecordedStackTest {
    private static Recording dev;
    private static AnalyzerProcess plugin;

    @BeforeAll
    static void start() throws Exception {
        dev = TestStacks.run("dev", ToolingStackTest.dev());
        assertThat(dev.errors()).isEmpty();
        plugin = AnalyzerProcess.start();
        plugin.stub().handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:9")
                .setRootDirectory("policy").setProgramDirectory("policy").build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (plugin != null) {
            plugin.close();
        }
    }

    private static List<AnalyzeDiagnostic> analyzeEach(List<RecordedResource> resources) {
        List<AnalyzeDiagnostic> diagnostics = new ArrayList<>();
        resources.forEach(r -> diagnostics.addAll(plugin.stub().analyze(AnalyzerRequests.analyze(r)).getDiagnosticsList()));
        return diagnostics;
    }

    private static List<AnalyzeDiagnostic> analyzeStack(List<RecordedResource> resources) {
        return plugin.stub().analyzeStack(AnalyzeStackRequest.newBuilder()
                .addAllResources(resources.stream().map(r -> AnalyzerRequests.stackResource(r, r.inputs())).toList())
                .build()).getDiagnosticsList();
    }

    private static List<AnalyzeDiagnostic> mandatory(List<AnalyzeDiagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.getEnforcementLevel() == EnforcementLevel.MANDATORY).toList();
    }

    @Test
    void theRecordedDevStackRaisesNoMandatoryDiagnostic() {
        List<AnalyzeDiagnostic> perResource = analyzeEach(dev.resources());

        assertThat(mandatory(perResource)).isEmpty();
        assertThat(perResource).as("only the stack's reasoned suppressions, reported as advisory")
                .allSatisfy(d -> assertThat(d.getMessage()).startsWith("suppressed: "));
        assertThat(analyzeStack(dev.resources())).isEmpty();
    }

    @Test
    void aRecordedKeyWithRotationOffIsBlocked() {
        RecordedResource key = dev.ofType("aws:kms/key:Key").get(0);
        Map<String, Object> inputs = new java.util.LinkedHashMap<>(key.inputValues());
        inputs.put("enableKeyRotation", false);
        RecordedResource careless = new RecordedResource(key.urn(), key.type(), key.name(), key.custom(), key.parent(),
                key.provider(), key.dependencies(), PropertyValues.toStruct(inputs), key.outputs());

        assertThat(mandatory(analyzeEach(List.of(careless)))).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("kms-key-rotation-enabled");
            assertThat(d.getUrn()).isEqualTo(key.urn());
        });
    }

    @Test
    void aRecordedBucketWithoutItsPublicAccessBlockIsBlocked() {
        RecordedResource block = dev.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").get(0);
        String bucket = String.valueOf(block.inputValues().get("bucket"));
        List<RecordedResource> withoutBlock = dev.resources().stream().filter(r -> r != block).toList();

        assertThat(mandatory(analyzeStack(withoutBlock))).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("s3-bucket-has-public-access-block");
            assertThat(d.getMessage()).contains(bucket);
            assertThat(dev.byUrn(d.getUrn())).hasValueSatisfying(r ->
                    assertThat(r.type()).isEqualTo("aws:s3/bucketV2:BucketV2"));
        });
    }
}
