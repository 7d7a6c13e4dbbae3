package com.sagemakermlops.stacks;

import com.google.gson.Gson;
import com.sagemakermlops.components.hosting.EndpointAutoscaling;
import com.sagemakermlops.components.hosting.ModelHosting;
import com.sagemakermlops.components.hosting.RollbackAlarms;
import com.sagemakermlops.components.hosting.ToolingFixture;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostingStackTest {
    private static final String PROVIDER = "pulumi:providers:aws";
    private static final String PACKAGE_LINE = "    modelPackageArn: " + ToolingFixture.PACKAGE_V3;
    private static Recording preprod;

    @BeforeAll
    static void runPreprod() {
        preprod = run("preprod", PACKAGE_LINE);
    }

    static StackConfig config(String stage, String modelPackageArnLine) {
        return TestStacks.config("""
                config:
                  aws:region: us-west-2
                  sagemaker-mlops:role: hosting
                  sagemaker-mlops:hosting:
                    toolingStack: %s
                    stage: %s
                %s
                    instanceType: ml.m5.xlarge
                    initialInstanceCount: 2
                    autoscaling:
                      minCapacity: 2
                      maxCapacity: 6
                      targetInvocationsPerInstance: 250
                    deployment:
                      strategy: canary
                      trafficPercent: 20
                      waitMinutes: 12
                """.formatted(ToolingFixture.STACK, stage, modelPackageArnLine));
    }

    static Recording run(String stage, String modelPackageArnLine) {
        return TestStacks.run(stage, TestStacks.cloud(Map.of(ToolingFixture.STACK, ToolingFixture.outputs())),
                ctx -> Platform.define(ctx, config(stage, modelPackageArnLine)));
    }

    @Test
    void theStageProviderAssumesTheDeployRoleWithTheExternalIdInTheStageAccountOnly() {
        assertThat(preprod.errors()).isEmpty();
        RecordedResource provider = preprod.named(PROVIDER, "aws-preprod");
        Map<String, Object> inputs = provider.inputValues();
        assertThat(jsonMap(inputs.get("assumeRole"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "roleArn", ToolingFixture.preprod().roles().deployRoleArn(),
                "externalId", ToolingFixture.PRODUCT + "-preprod",
                "sessionName", "sagemaker-mlops-preprod"));
        assertThat(inputs).containsEntry("region", TestStacks.REGION);
        assertThat(jsonList(inputs.get("allowedAccountIds"))).isEqualTo(List.of(TestStacks.PREPROD_ACCOUNT));
    }

    @Test
    void theProdStackReadsProdFromTheToolingStack() {
        Recording prod = run("prod", PACKAGE_LINE);
        assertThat(prod.errors()).isEmpty();
        Map<String, Object> inputs = prod.named(PROVIDER, "aws-prod").inputValues();
        assertThat(inputs).containsEntry("region", TestStacks.REGION);
        assertThat(jsonList(inputs.get("allowedAccountIds"))).isEqualTo(List.of(TestStacks.PROD_ACCOUNT));
        assertThat(jsonMap(inputs.get("assumeRole"))).containsEntry("roleArn", ToolingFixture.prod().roles().deployRoleArn())
                .containsEntry("externalId", "prod-2f9c41d7");
        assertThat(String.valueOf(prod.outputs().get("endpointArn")))
                .startsWith("arn:aws:sagemaker:us-west-2:" + TestStacks.PROD_ACCOUNT + ":endpoint/");
        RecordedResource config = prod.ofType("aws:sagemaker/endpointConfiguration:EndpointConfiguration").get(0);
        assertThat(config.inputValues()).doesNotContainKey("dataCaptureConfig");
        RecordedResource model = prod.ofType("aws:sagemaker/model:Model").get(0);
        assertThat(model.inputValues()).doesNotContainKey("vpcConfig")
                .containsEntry("executionRoleArn", ToolingFixture.prod().roles().executionRoleArn());
    }

    @Test
    void everyHostingResourceGoesThroughTheStageProvider() {
        String providerUrn = preprod.named(PROVIDER, "aws-preprod").urn();
        List<RecordedResource> aws = preprod.resources().stream()
                .filter(r -> r.type().startsWith("aws:")).toList();
        assertThat(aws).extracting(RecordedResource::type).contains(
                "aws:sagemaker/model:Model", "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
                "aws:sagemaker/endpoint:Endpoint", "aws:appautoscaling/target:Target",
                "aws:appautoscaling/policy:Policy", "aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(aws).allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(providerUrn));
        String component = preprod.named(ModelHosting.TYPE, "hosting-preprod").urn();
        List<String> groups = List.of(preprod.named(RollbackAlarms.TYPE, "hosting-preprod-alarms").urn(),
                preprod.named(EndpointAutoscaling.TYPE, "hosting-preprod-autoscaling").urn());
        assertThat(aws).allSatisfy(r -> assertThat(r.parent().orElseThrow()).as(r.name())
                .isIn(component, groups.get(0), groups.get(1)));
        assertThat(preprod.resources()).filteredOn(r -> groups.contains(r.urn()))
                .allSatisfy(group -> assertThat(group.parent()).contains(component));
    }

    @Test
    void valuesComeFromTheToolingStack() {
        Map<String, Object> model = preprod.ofType("aws:sagemaker/model:Model").get(0).inputValues();
        assertThat(model).containsEntry("executionRoleArn", ToolingFixture.preprod().roles().executionRoleArn())
                .containsEntry("enableNetworkIsolation", true)
                .containsEntry("primaryContainer", Map.of("modelPackageName", ToolingFixture.PACKAGE_V3))
                .containsEntry("vpcConfig", Map.of("subnets", ToolingFixture.PREPROD_SUBNETS,
                        "securityGroupIds", ToolingFixture.PREPROD_SECURITY_GROUPS));
        Map<String, Object> config = preprod.ofType("aws:sagemaker/endpointConfiguration:EndpointConfiguration")
                .get(0).inputValues();
        assertThat(config).containsEntry("kmsKeyArn", ToolingFixture.KMS_KEY_ARN);
        assertThat(config.get("dataCaptureConfig")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("destinationS3Uri", "s3://" + ToolingFixture.BUCKET + "/data-capture/preprod/")
                .containsEntry("kmsKeyId", ToolingFixture.KMS_KEY_ARN);
        assertThat(preprod.ofType("aws:appautoscaling/target:Target").get(0).inputValues())
                .containsEntry("minCapacity", 2.0).containsEntry("maxCapacity", 6.0);
    }

    @Test
    void exportsTheLiveEndpointAndModelPackageInTheStageAccount() {
        assertThat(preprod.outputs()).containsEntry("stage", "preprod")
                .containsEntry("modelPackageArn", ToolingFixture.PACKAGE_V3)
                .doesNotContainKey("status");
        String endpointName = preprod.ofType("aws:sagemaker/endpoint:Endpoint").get(0).inputValues().get("name")
                .toString();
        assertThat(preprod.outputs()).containsEntry("endpointName", endpointName)
                .containsEntry("endpointArn", "arn:aws:sagemaker:us-west-2:" + TestStacks.PREPROD_ACCOUNT
                        + ":endpoint/" + endpointName);
    }

    @Test
    void withoutAnApprovedModelOnlyTheProviderIsCreatedAndTheStatusSaysWhatToSet() {
        Recording empty = run("preprod", "");
        assertThat(empty.errors()).isEmpty();
        assertThat(empty.resources()).extracting(RecordedResource::type)
                .noneMatch(type -> type.startsWith("aws:") || type.equals(ModelHosting.TYPE))
                .contains(PROVIDER);
        assertThat(empty.outputs()).containsEntry("stage", "preprod")
                .containsEntry("status", "no approved model deployed yet: set sagemaker-mlops:hosting.modelPackageArn")
                .doesNotContainKeys("endpointName", "endpointArn", "modelPackageArn");
    }

    @Test
    void aStageTheToolingStackDoesNotKnowFailsWithWhatToConfigure() {
        Map<String, Object> outputs = new java.util.HashMap<>(ToolingFixture.outputs());
        outputs.put("environments", Map.of("preprod", ((Map<?, ?>) outputs.get("environments")).get("preprod")));
        assertThat(TestStacks.failureOf(() -> TestStacks.run("prod", TestStacks.cloud(Map.of(ToolingFixture.STACK, outputs)),
                ctx -> Platform.define(ctx, config("prod", PACKAGE_LINE)))))
                .contains("the tooling stack exports no environments.prod: configure "
                        + "deploy.prodEnvironment in the tooling stack and update it first");
    }

    @Test
    void aStageOutsideTheToolingRegionFailsBeforeAnyEndpointIsCreated() {
        Map<String, Object> outputs = new java.util.HashMap<>(ToolingFixture.outputs());
        @SuppressWarnings("unchecked")
        Map<String, Object> environments = new java.util.HashMap<>((Map<String, Object>) outputs.get("environments"));
        Map<String, Object> prod = new java.util.HashMap<>((Map<String, Object>) environments.get("prod"));
        prod.put("region", "eu-central-1");
        environments.put("prod", prod);
        outputs.put("environments", environments);
        assertThat(TestStacks.failureOf(() -> TestStacks.run("prod", TestStacks.cloud(Map.of(ToolingFixture.STACK, outputs)),
                ctx -> Platform.define(ctx, config("prod", PACKAGE_LINE)))))
                .contains("the prod environment is in eu-central-1 but the tooling key and bucket are in us-west-2");
    }

    @Test
    void previewsWithTheSameProviderAndResourcesAsAnUpdate() {
        Recording preview = TestStacks.preview("preprod",
                TestStacks.cloud(Map.of(ToolingFixture.STACK, ToolingFixture.outputs())),
                ctx -> Platform.define(ctx, config("preprod", PACKAGE_LINE)));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.resources()).extracting(RecordedResource::urn)
                .containsExactlyElementsOf(preprod.resources().stream().map(RecordedResource::urn).toList());
        assertThat(jsonMap(preview.named(PROVIDER, "aws-preprod").inputValues().get("assumeRole")))
                .containsEntry("roleArn", ToolingFixture.preprod().roles().deployRoleArn());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"preprod", "prod"})
    void theCheckedInStackFilesDeployThroughTheirStageProvider(String stage) throws java.io.IOException {
        StackConfig config = TestStacks.config(java.nio.file.Files.readString(
                TestStacks.ROOT.resolve("Pulumi." + stage + ".yaml")));
        Recording recording = TestStacks.run(stage,
                TestStacks.cloud(Map.of(ToolingFixture.STACK, ToolingFixture.outputs())),
                ctx -> Platform.define(ctx, config));
        assertThat(recording.errors()).isEmpty();
        String provider = recording.named(PROVIDER, "aws-" + stage).urn();
        assertThat(recording.resources()).filteredOn(r -> r.type().startsWith("aws:")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(provider));
        assertThat(recording.outputs()).containsEntry("stage", stage).containsKey("endpointName");
    }

    @Test
    void producesNoMandatoryPolicyFinding() {
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(
                preprod.resources().stream().map(RecordedResource::toPolicyResource).toList(),
                PolicyPackConfig.defaults());
        assertThat(findings).filteredOn(PolicyFinding::blocking).isEmpty();
    }

    /** Provider inputs reach the engine JSON-encoded. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonMap(Object value) {
        return new Gson().fromJson(String.valueOf(value), Map.class);
    }

    private static List<?> jsonList(Object value) {
        return new Gson().fromJson(String.valueOf(value), List.class);
    }
}
