package com.sagemakermlops.policy.analyzer;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PropertyValues;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.sagemakermlops.policy.Fixtures.doc;
import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the real plugin executable (policy/pulumi-analyzer-policy-mlops-java) as the engine would, reads
 * the port from its first stdout line, and calls every RPC over a gRPC channel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnalyzerProcessTest {
    private static final String STACK = "urn:pulumi:dev::sagemaker-mlops::";
    private static AnalyzerProcess plugin;
    private static Process process;
    private static AnalyzerGrpc.AnalyzerBlockingStub stub;

    @BeforeAll
    static void start() throws Exception {
        plugin = AnalyzerProcess.start();
        process = plugin.process();
        assertThat(plugin.firstLine()).as("first stdout line of the plugin").matches("\\d+");
        stub = plugin.stub();
    }

    @AfterAll
    static void stop() throws Exception {
        if (plugin != null) {
            plugin.close();
        }
    }

    private static AnalyzerResource resource(String type, String name, Map<String, Object> props, String... deps) {
        return AnalyzerResource.newBuilder().setUrn(STACK + type + "::" + name).setType(type).setName(name)
                .setProperties(PropertyValues.toStruct(props)).addAllDependencies(List.of(deps))
                .setOptions(AnalyzerResourceOptions.newBuilder()).build();
    }

    private static AnalyzeRequest request(String type, String name, Map<String, Object> props) {
        return AnalyzeRequest.newBuilder().setUrn(STACK + type + "::" + name).setType(type).setName(name)
                .setProperties(PropertyValues.toStruct(props)).build();
    }

    private static List<AnalyzeDiagnostic> named(AnalyzeResponse r, String policy) {
        return r.getDiagnosticsList().stream().filter(d -> d.getPolicyName().equals(policy)).toList();
    }

    @Test
    @Order(1)
    void handshakePluginInfoAndStackConfiguration() {
        stub.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:9")
                .setRootDirectory("policy").setProgramDirectory("policy").build());
        assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo(PolicyPack.VERSION);
        stub.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("dev").setProject("sagemaker-mlops")
                .setOrganization("org").setDryRun(true).build());
    }

    @Test
    @Order(2)
    void analyzerInfoListsEveryPolicy() {
        AnalyzerInfo info = stub.getAnalyzerInfo(Empty.getDefaultInstance());
        assertThat(info.getName()).isEqualTo(PolicyPack.NAME);
        assertThat(info.getSupportsConfig()).isTrue();
        assertThat(info.getPoliciesList()).extracting(PolicyInfo::getName).containsExactlyElementsOf(
                PolicyPack.standard().policies().stream().map(p -> p.name()).toList());
        PolicyInfo retention = info.getPoliciesList().stream()
                .filter(p -> p.getName().equals("log-group-retention")).findFirst().orElseThrow();
        Policy policy = PolicyPack.standard().policy("log-group-retention").orElseThrow();
        assertThat(retention.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(retention.getMessage()).isEqualTo(policy.remediation());
        assertThat(retention.getDescription()).isEqualTo(policy.description());
        assertThat(retention.getDisplayName()).isEqualTo("Log Group Retention");
        assertThat(retention.getConfigSchema().getProperties().getFieldsMap()).containsOnlyKeys("minimumRetentionDays");
        assertThat(retention.getTagsList()).containsExactly("NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod",
                "HIPAA.Security-CloudWatchLogGroupRetentionPeriod", "CKV_AWS_66");
        PolicyConfig initial = info.getInitialConfigMap().get("log-group-retention");
        assertThat(initial.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(PropertyValues.fromStruct(initial.getProperties())).containsExactly(
                Map.entry("minimumRetentionDays", 90.0));
    }

    @Test
    @Order(3)
    void analyzeReportsViolationsUnknownsAndSuppressions() {
        AnalyzeResponse bad = stub.analyze(request("aws:kms/key:Key", "data-key",
                m("description", "data", "enableKeyRotation", false)));
        assertThat(named(bad, "kms-key-rotation-enabled")).singleElement().satisfies(d -> {
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
            assertThat(d.getPolicyPackName()).isEqualTo(PolicyPack.NAME);
            assertThat(d.getPolicyPackVersion()).isEqualTo(PolicyPack.VERSION);
            assertThat(d.getSeverity()).isEqualTo(PolicySeverity.POLICY_SEVERITY_MEDIUM);
            assertThat(d.getUrn()).endsWith("::data-key");
            Policy policy = PolicyPack.standard().policy("kms-key-rotation-enabled").orElseThrow();
            assertThat(d.getDescription()).isEqualTo(policy.description());
            assertThat(d.getMessage()).isEqualTo("enableKeyRotation is not true\n" + policy.remediation());
        });

        Struct unknown = PropertyValues.toStruct(m("retentionInDays", PropertyValues.UNKNOWN,
                "kmsKeyId", PropertyValues.UNKNOWN));
        AnalyzeResponse u = stub.analyze(AnalyzeRequest.newBuilder().setType("aws:cloudwatch/logGroup:LogGroup")
                .setName("logs").setUrn(STACK + "logs").setProperties(unknown).build());
        assertThat(u.getDiagnosticsList()).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("log-group-retention");
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(d.getMessage()).isEqualTo("could not be evaluated: retentionInDays is unknown during preview");
        });

        AnalyzeResponse suppressed = stub.analyze(request("aws:iam/policy:Policy", "ci", m("description", "ci",
                "policy", secret(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}")),
                "tags", m("mlops:suppress:iam-no-wildcard-actions", "build cache bucket, reviewed"))));
        assertThat(named(suppressed, "iam-no-wildcard-actions")).singleElement().satisfies(d -> {
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(d.getMessage()).isEqualTo(
                    "suppressed: build cache bucket, reviewed (policy statement[0] allows wildcard action [secret])");
        });
    }

    @Test
    @Order(4)
    void analyzeStackChecksBucketCompanions() {
        AnalyzerResource bucket = resource("aws:s3/bucketV2:BucketV2", "data", m("bucket", "mlops-data"));
        AnalyzerResource lonely = resource("aws:s3/bucketV2:BucketV2", "logs", m("bucketPrefix", "logs-"));
        AnalyzerResource sse = resource("aws:s3/bucketServerSideEncryptionConfigurationV2:"
                + "BucketServerSideEncryptionConfigurationV2", "data-sse", m("bucket", "mlops-data", "rules",
                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "aws:kms", "kmsMasterKeyId", "arn:k")))));
        AnalyzerResource policy = resource("aws:s3/bucketPolicy:BucketPolicy", "data-tls",
                m("bucket", PropertyValues.UNKNOWN, "policy", PropertyValues.UNKNOWN), bucket.getUrn());
        AnalyzerResource pab = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-pab",
                m("bucket", "mlops-data", "blockPublicAcls", true, "blockPublicPolicy", true,
                        "ignorePublicAcls", true, "restrictPublicBuckets", true));
        AnalyzeResponse r = stub.analyzeStack(AnalyzeStackRequest.newBuilder()
                .addAllResources(List.of(bucket, lonely, sse, policy, pab)).build());
        assertThat(r.getDiagnosticsList()).allSatisfy(d -> assertThat(d.getUrn()).isEqualTo(lonely.getUrn()));
        assertThat(r.getDiagnosticsList()).extracting(AnalyzeDiagnostic::getPolicyName).containsExactlyInAnyOrder(
                "s3-bucket-has-encryption-configuration", "s3-bucket-has-tls-policy",
                "s3-bucket-has-public-access-block");
    }

    @Test
    @Order(5)
    void configureChangesLevels() {
        stub.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("kms-key-rotation-enabled", PolicyConfig.newBuilder()
                        .setEnforcementLevel(EnforcementLevel.ADVISORY).build())
                .putPolicyConfig("description-present", PolicyConfig.newBuilder()
                        .setEnforcementLevel(EnforcementLevel.DISABLED).build())
                .build());
        AnalyzeResponse r = stub.analyze(request("aws:kms/key:Key", "k", m("enableKeyRotation", false)));
        assertThat(r.getDiagnosticsList()).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("kms-key-rotation-enabled");
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
        });
        assertThatThrownBy(() -> stub.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("no-such-policy", PolicyConfig.getDefaultInstance()).build()))
                .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("no-such-policy");
    }

    @Test
    @Order(6)
    void configurePropertiesAreTypedLikeThePolicyPackConfig() {
        stub.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("log-group-retention", PolicyConfig.newBuilder()
                        .setEnforcementLevel(EnforcementLevel.MANDATORY)
                        .setProperties(PropertyValues.toStruct(m("minimumRetentionDays", 365.0))).build())
                .build());
        AnalyzeResponse r = stub.analyze(request("aws:cloudwatch/logGroup:LogGroup", "logs",
                m("kmsKeyId", "arn:k", "retentionInDays", 180.0)));
        assertThat(r.getDiagnosticsList()).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("log-group-retention");
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
            assertThat(d.getMessage()).startsWith("retentionInDays is 180, below the minimum of 365\n");
        });
        assertThatThrownBy(() -> stub.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("log-group-retention", PolicyConfig.newBuilder()
                        .setProperties(PropertyValues.toStruct(m("minimumRetentionDays", "a year"))).build())
                .build()))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("'log-group-retention.minimumRetentionDays': expected number");
    }

    @Test
    @Order(7)
    void cancelStopsTheProcess() throws Exception {
        stub.cancel(Empty.getDefaultInstance());
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("nothing after the port on stdout").isEmpty();
    }
}
