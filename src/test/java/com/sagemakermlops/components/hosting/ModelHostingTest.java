package com.sagemakermlops.components.hosting;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class ModelHostingTest {
    private static final String ENDPOINT = "aws:sagemaker/endpoint:Endpoint";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    static HostingConfig hosting(Strategy strategy, int trafficPercent, int waitMinutes) {
        return new HostingConfig(ToolingFixture.STACK, TargetEnvironment.Stage.PREPROD,
                Optional.of(ToolingFixture.PACKAGE_V3), "ml.m5.large", 1, Optional.empty(), Optional.empty(),
                new HostingConfig.Autoscaling(1, 4, 120),
                new HostingConfig.Deployment(strategy, trafficPercent, waitMinutes));
    }

    /** What the hosting stack gives the component for the preprod fixture: its VPC, data capture and tags. */
    static ModelHostingArgs.Builder args(HostingConfig hosting, String modelPackageArn) {
        StageExports preprod = ToolingFixture.preprod();
        return ModelHostingArgs.builder()
                .productName(ToolingFixture.PRODUCT)
                .stage("preprod")
                .modelPackageArn(modelPackageArn)
                .executionRoleArn(preprod.roles().executionRoleArn())
                .kmsKeyArn(ToolingFixture.KMS_KEY_ARN)
                .endpoint(EndpointSettings.of(hosting))
                .network(new ModelNetwork(true, preprod.network().subnetIds(), preprod.network().securityGroupIds()))
                .dataCapture(DataCapture.ofStage(ToolingFixture.BUCKET, TargetEnvironment.Stage.PREPROD))
                .tags(Map.of("product", ToolingFixture.PRODUCT));
    }

    private static Provider stageProvider() {
        return new Provider("stage", ProviderArgs.builder()
                .region(TestStacks.REGION).allowedAccountIds(TestStacks.PREPROD_ACCOUNT).build());
    }

    static Recording run(HostingConfig hosting, String modelPackageArn) {
        return TestStacks.run("preprod", TestStacks.cloud(), ctx -> new ModelHosting("hosting",
                args(hosting, modelPackageArn).build(),
                ComponentResourceOptions.builder().providers(stageProvider()).build()));
    }

    private static Map<String, Object> one(Recording recording, String type) {
        List<RecordedResource> all = recording.ofType(type);
        assertThat(all).hasSize(1);
        return all.get(0).inputValues();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void theEndpointShiftsTrafficBlueGreenPerStrategy(Strategy strategy) {
        int traffic = strategy == Strategy.ALL_AT_ONCE ? 100 : 25;
        Recording recording = run(hosting(strategy, traffic, 5), ToolingFixture.PACKAGE_V3);
        assertThat(recording.errors()).isEmpty();
        Map<String, Object> policy = nested(one(recording, ENDPOINT), "deploymentConfig", "blueGreenUpdatePolicy");
        Map<String, Object> routing = nested(policy, "trafficRoutingConfiguration");
        assertThat(policy).containsEntry("terminationWaitInSeconds", 300.0);
        assertThat(routing).containsEntry("type", strategy.name()).containsEntry("waitIntervalInSeconds", 300.0);
        Map<String, Object> step = Map.of("type", "CAPACITY_PERCENT", "value", 25.0);
        switch (strategy) {
            case ALL_AT_ONCE -> assertThat(routing).doesNotContainKeys("canarySize", "linearStepSize");
            case CANARY -> assertThat(routing).containsEntry("canarySize", step).doesNotContainKey("linearStepSize");
            case LINEAR -> assertThat(routing).containsEntry("linearStepSize", step).doesNotContainKey("canarySize");
        }
    }

    @Test
    void theEndpointRollsBackOnItsErrorAndLatencyAlarms() {
        Recording recording = run(hosting(Strategy.CANARY, 10, 10), ToolingFixture.PACKAGE_V3);
        String endpointName = one(recording, ENDPOINT).get("name").toString();
        List<RecordedResource> alarms = recording.ofType(ALARM);
        assertThat(alarms).extracting(a -> a.inputValues().get("metricName"))
                .containsExactlyInAnyOrder("Invocation5XXErrors", "ModelLatency");
        assertThat(alarms).allSatisfy(alarm -> assertThat(alarm.inputValues())
                .containsEntry("namespace", "AWS/SageMaker")
                .containsEntry("dimensions", Map.of("EndpointName", endpointName, "VariantName", "AllTraffic")));
        List<Object> rollback = alarms.stream().map(a -> (Object) Map.of("alarmName", a.inputValues().get("name")))
                .toList();
        assertThat(nested(one(recording, ENDPOINT), "deploymentConfig", "autoRollbackConfiguration"))
                .extractingByKey("alarms", LIST).containsExactlyInAnyOrderElementsOf(rollback);
    }

    @Test
    void autoscalingTracksInvocationsPerInstanceOfTheEndpointVariant() {
        Recording recording = run(hosting(Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
        String endpointName = one(recording, ENDPOINT).get("name").toString();
        String resourceId = "endpoint/" + endpointName + "/variant/AllTraffic";
        assertThat(one(recording, "aws:appautoscaling/target:Target"))
                .containsEntry("serviceNamespace", "sagemaker")
                .containsEntry("scalableDimension", "sagemaker:variant:DesiredInstanceCount")
                .containsEntry("resourceId", resourceId)
                .containsEntry("minCapacity", 1.0).containsEntry("maxCapacity", 4.0);
        Map<String, Object> policy = one(recording, "aws:appautoscaling/policy:Policy");
        assertThat(policy).containsEntry("policyType", "TargetTrackingScaling")
                .containsEntry("resourceId", resourceId)
                .containsEntry("scalableDimension", "sagemaker:variant:DesiredInstanceCount");
        assertThat(nested(policy, "targetTrackingScalingPolicyConfiguration"))
                .containsEntry("targetValue", 120.0)
                .containsEntry("predefinedMetricSpecification",
                        Map.of("predefinedMetricType", "SageMakerVariantInvocationsPerInstance"));
    }

    @Test
    void theEndpointConfigServesTheModelEncryptedAndCapturesToTheStagePrefix() {
        Recording recording = run(hosting(Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
        String modelName = one(recording, "aws:sagemaker/model:Model").get("name").toString();
        Map<String, Object> config = one(recording, "aws:sagemaker/endpointConfiguration:EndpointConfiguration");
        assertThat(config).containsEntry("kmsKeyArn", ToolingFixture.KMS_KEY_ARN)
                .containsEntry("productionVariants", List.of(Map.of("variantName", "AllTraffic",
                        "modelName", modelName, "instanceType", "ml.m5.large", "initialInstanceCount", 1.0,
                        "initialVariantWeight", 1.0)));
        assertThat(nested(config, "dataCaptureConfig"))
                .containsEntry("enableCapture", true)
                .containsEntry("initialSamplingPercentage", 100.0)
                .containsEntry("destinationS3Uri", "s3://" + ToolingFixture.BUCKET + "/data-capture/preprod/")
                .containsEntry("kmsKeyId", ToolingFixture.KMS_KEY_ARN)
                .containsEntry("captureOptions", List.of(Map.of("captureMode", "Input"),
                        Map.of("captureMode", "Output")));
    }

    @Test
    void aNewModelVersionGetsANewModelAndConfigBehindTheSameEndpoint() {
        Recording v3 = run(hosting(Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
        Recording v4 = run(hosting(Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V4);
        for (String type : List.of("aws:sagemaker/model:Model",
                "aws:sagemaker/endpointConfiguration:EndpointConfiguration")) {
            assertThat(one(v4, type).get("name")).as(type).isNotEqualTo(one(v3, type).get("name"));
        }
        assertThat(one(v4, ENDPOINT).get("name")).isEqualTo(one(v3, ENDPOINT).get("name"));
        assertThat(one(v4, ENDPOINT).get("endpointConfigName"))
                .isEqualTo(one(v4, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").get("name"));
    }

    @Test
    void childrenBelongToTheComponentAndGoThroughTheGivenProvider() {
        Recording recording = run(hosting(Strategy.LINEAR, 20, 10), ToolingFixture.PACKAGE_V3);
        String component = recording.named(ModelHosting.TYPE, "hosting").urn();
        String alarms = recording.named(RollbackAlarms.TYPE, "hosting-alarms").urn();
        String autoscaling = recording.named(EndpointAutoscaling.TYPE, "hosting-autoscaling").urn();
        String provider = recording.named("pulumi:providers:aws", "stage").urn();
        List<RecordedResource> children = recording.resources().stream()
                .filter(r -> r.type().startsWith("aws:")).toList();
        assertThat(children).extracting(RecordedResource::name).containsExactlyInAnyOrder("hosting-model",
                "hosting-config", "hosting-endpoint", "hosting-alarms-5xx-errors", "hosting-alarms-model-latency",
                "hosting-autoscaling-target", "hosting-autoscaling-invocations-per-instance");
        assertThat(children).allSatisfy(r -> {
            String parent = r.type().startsWith("aws:cloudwatch") ? alarms
                    : r.type().startsWith("aws:appautoscaling") ? autoscaling : component;
            assertThat(r.parent()).as(r.name()).contains(parent);
            assertThat(r.provider()).as(r.name()).contains(provider);
        });
        assertThat(List.of(recording.named(RollbackAlarms.TYPE, "hosting-alarms"),
                recording.named(EndpointAutoscaling.TYPE, "hosting-autoscaling")))
                .allSatisfy(group -> assertThat(group.parent()).contains(component));
        assertThat(children).filteredOn(r -> !r.type().equals("aws:appautoscaling/policy:Policy"))
                .allSatisfy(r -> assertThat(r.inputValues()).as(r.name())
                        .containsEntry("tags", Map.of("product", ToolingFixture.PRODUCT)));
    }

    @Test
    void aCallerNestsItInItsOwnComponentAndSetsItsOptions() {
        Recording recording = TestStacks.run("preprod", TestStacks.cloud(), ctx -> {
            var app = new ComponentResource("example:index:ServingApp", "app", null);
            var topic = new Topic("releases", TopicArgs.builder().build(),
                    CustomResourceOptions.builder().parent(app).build());
            new ModelHosting("hosting", args(hosting(Strategy.CANARY, 10, 10), ToolingFixture.PACKAGE_V3).build(),
                    ComponentResourceOptions.builder().parent(app).dependsOn(topic).protect(true)
                            .providers(stageProvider()).build());
        });
        assertThat(recording.errors()).isEmpty();
        RecordedResource hosting = recording.named(ModelHosting.TYPE, "hosting");
        assertThat(hosting.parent()).contains(recording.named("example:index:ServingApp", "app").urn());
        assertThat(hosting.dependencies()).contains(recording.named("aws:sns/topic:Topic", "releases").urn());
        assertThat(hosting.options().protect()).isTrue();
        assertThat(recording.named("aws:sagemaker/endpoint:Endpoint", "hosting-endpoint").provider())
                .contains(recording.named("pulumi:providers:aws", "stage").urn());
    }

    @Test
    void withoutCaptureOrVpcTheModelIsIsolatedAndNothingIsCaptured() {
        Recording recording = TestStacks.run("preprod", TestStacks.cloud(), ctx -> new ModelHosting("hosting",
                ModelHostingArgs.builder().productName(ToolingFixture.PRODUCT).stage("preprod")
                        .modelPackageArn(ToolingFixture.PACKAGE_V3)
                        .executionRoleArn(ToolingFixture.preprod().roles().executionRoleArn())
                        .kmsKeyArn(ToolingFixture.KMS_KEY_ARN)
                        .endpoint(EndpointSettings.of(hosting(Strategy.ALL_AT_ONCE, 100, 10))).build(),
                null));
        assertThat(recording.errors()).isEmpty();
        assertThat(one(recording, "aws:sagemaker/model:Model")).containsEntry("enableNetworkIsolation", true)
                .doesNotContainKey("vpcConfig");
        assertThat(one(recording, "aws:sagemaker/endpointConfiguration:EndpointConfiguration"))
                .doesNotContainKey("dataCaptureConfig");
    }

    @Test
    void buildNamesTheRequiredPropertyLeftOut() {
        assertThatThrownBy(() -> args(hosting(Strategy.CANARY, 10, 10), ToolingFixture.PACKAGE_V3)
                .kmsKeyArn((Output<String>) null).build())
                .isInstanceOf(MissingRequiredPropertyException.class).hasMessageContaining("kmsKeyArn");
        assertThatThrownBy(() -> args(hosting(Strategy.CANARY, 10, 10), ToolingFixture.PACKAGE_V3)
                .stage("Pre Prod").build())
                .hasMessage("ModelHostingArgs.stage: expected 1 to 16 lower-case letters, digits or hyphens, "
                        + "got \"Pre Prod\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> inputs, String... path) {
        Map<String, Object> current = inputs;
        for (String key : path) {
            assertThat(current).extractingByKey(key, MAP).isNotNull();
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
