package com.sagemakermlops.components.hosting;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import com.sagemakermlops.config.TargetEnvironment;
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

    static Recording run(HostingConfig hosting, String modelPackageArn) {
        return TestStacks.run("preprod", TestStacks.cloud(), ctx -> {
            var provider = new Provider("stage", ProviderArgs.builder()
                    .region(TestStacks.REGION).allowedAccountIds(TestStacks.PREPROD_ACCOUNT).build());
            new ModelHosting("hosting", new ModelHostingArgs(hosting, modelPackageArn, ToolingFixture.tooling(),
                    Output.of(Map.of("product", ToolingFixture.PRODUCT))), provider);
        });
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
        String provider = recording.named("pulumi:providers:aws", "stage").urn();
        List<RecordedResource> children = recording.resources().stream()
                .filter(r -> r.type().startsWith("aws:")).toList();
        assertThat(children).hasSize(7).allSatisfy(r -> {
            assertThat(r.parent()).as(r.name()).contains(component);
            assertThat(r.provider()).as(r.name()).contains(provider);
        });
        assertThat(children).filteredOn(r -> !r.type().equals("aws:appautoscaling/policy:Policy"))
                .allSatisfy(r -> assertThat(r.inputValues()).as(r.name())
                        .containsEntry("tags", Map.of("product", ToolingFixture.PRODUCT)));
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
