package com.sagemakermlops.components.hosting;

import com.pulumi.aws.Provider;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sagemaker.Endpoint;
import com.pulumi.aws.sagemaker.EndpointArgs;
import com.pulumi.aws.sagemaker.EndpointConfiguration;
import com.pulumi.aws.sagemaker.EndpointConfigurationArgs;
import com.pulumi.aws.sagemaker.Model;
import com.pulumi.aws.sagemaker.ModelArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationDataCaptureConfigArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationProductionVariantArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigAutoRollbackConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.ModelPrimaryContainerArgs;
import com.pulumi.aws.sagemaker.inputs.ModelVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Map;
import java.util.Optional;

/**
 * One stage's hosting of the approved model, in the stage's account through its explicit provider: the model built
 * from the approved package, an endpoint configuration encrypted with the tooling CMK (with data capture when the
 * environment asks for it), an endpoint that moves to new versions blue/green and rolls back on its 5xx and latency
 * alarms, and target-tracking autoscaling of its variant.
 */
public final class ModelHosting extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:hosting:ModelHosting";

    static final String NAMESPACE = "AWS/SageMaker";
    static final String SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount";
    static final String INVOCATIONS_PER_INSTANCE = "SageMakerVariantInvocationsPerInstance";
    /** Any 5xx in two consecutive minutes: a version that fails requests is rolled back. */
    static final double ERRORS_THRESHOLD = 1;
    /** ModelLatency is in microseconds: one second on average for three minutes. */
    static final double LATENCY_THRESHOLD_MICROS = 1_000_000;
    private static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    private static final int SCALE_OUT_COOLDOWN_SECONDS = 60;

    private final Output<String> endpointName;
    private final Output<String> endpointArn;
    private final Output<String> endpointConfigName;

    public ModelHosting(String name, ModelHostingArgs args, Provider provider) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(provider).build());
        HostingConfig hosting = args.hosting();
        TargetEnvironment.Stage stage = hosting.stage();
        ToolingOutputs tooling = args.tooling();
        Output<StageEnvironment> environment = Output.tuple(tooling.environment(stage), tooling.region())
                .applyValue(t -> inToolingRegion(t.t1, t.t2, stage));
        Output<EndpointConfigurationDataCaptureConfigArgs> capture = Output.tuple(environment,
                        tooling.modelBucketName(), tooling.kmsKeyArn())
                .applyValue(t -> dataCapture(t.t1, t.t2, t.t3, stage));
        Output<HostingNames> names = Output.tuple(tooling.productName(), environment, tooling.kmsKeyArn(),
                        tooling.modelBucketName())
                .applyValue(t -> HostingNames.of(t.t1, stage,
                        new HostingNames.ModelInputs(args.modelPackageArn(), t.t2.executionRoleArn(),
                                t.t2.enableNetworkIsolation(), vpcFingerprint(t.t2),
                                hosting.servedEndpointConfigName()),
                        new HostingNames.ConfigInputs(hosting.instanceType(), hosting.startingInstanceCount(), t.t3,
                                t.t2.enableDataCapture() ? Optional.of(DataCapture.destination(t.t4, stage))
                                        : Optional.empty())));
        CustomResourceOptions options = CustomResourceOptions.builder().parent(this).provider(provider).build();
        // Replaced ones are deleted first but kept in AWS: a blue/green rollback returns the endpoint to them, and
        // the deploy build deletes them once it verified the endpoint serves the new configuration.
        CustomResourceOptions servedVersions = CustomResourceOptions.builder().parent(this).provider(provider)
                .deleteBeforeReplace(true).retainOnDelete(true).build();

        var model = new Model(name + "-model", ModelArgs.builder()
                .name(names.applyValue(HostingNames::model))
                .executionRoleArn(environment.applyValue(StageEnvironment::executionRoleArn))
                .primaryContainer(ModelPrimaryContainerArgs.builder().modelPackageName(args.modelPackageArn()).build())
                .enableNetworkIsolation(environment.applyValue(StageEnvironment::enableNetworkIsolation))
                .vpcConfig(environment.applyValue(ModelHosting::vpcConfig))
                .tags(args.tags())
                .build(), servedVersions);

        var endpointConfig = new EndpointConfiguration(name + "-config", EndpointConfigurationArgs.builder()
                .name(names.applyValue(HostingNames::endpointConfig))
                .kmsKeyArn(tooling.kmsKeyArn())
                .productionVariants(EndpointConfigurationProductionVariantArgs.builder()
                        .variantName(HostingNames.VARIANT)
                        .modelName(model.name())
                        .instanceType(hosting.instanceType())
                        .initialInstanceCount(hosting.startingInstanceCount())
                        .initialVariantWeight(1.0)
                        .build())
                .dataCaptureConfig(capture)
                .tags(args.tags())
                .build(), servedVersions);

        Output<String> stableEndpointName = names.applyValue(HostingNames::endpoint);
        var errors = alarm(name + "-5xx-errors", names.applyValue(HostingNames::errorsAlarm), stableEndpointName,
                MetricAlarmArgs.builder()
                        .alarmDescription("5xx responses of the " + stage.id() + " endpoint: rolls a deployment back")
                        .metricName("Invocation5XXErrors").statistic("Sum")
                        .evaluationPeriods(2).datapointsToAlarm(2).threshold(ERRORS_THRESHOLD), args, options);
        var latency = alarm(name + "-model-latency", names.applyValue(HostingNames::latencyAlarm), stableEndpointName,
                MetricAlarmArgs.builder()
                        .alarmDescription("Model latency of the " + stage.id() + " endpoint: rolls a deployment back")
                        .metricName("ModelLatency").statistic("Average")
                        .evaluationPeriods(3).datapointsToAlarm(3).threshold(LATENCY_THRESHOLD_MICROS), args, options);

        var endpoint = new Endpoint(name + "-endpoint", EndpointArgs.builder()
                .name(stableEndpointName)
                .endpointConfigName(endpointConfig.name())
                .deploymentConfig(EndpointDeploymentConfigArgs.builder()
                        .blueGreenUpdatePolicy(BlueGreenPolicy.of(hosting.deployment()))
                        .autoRollbackConfiguration(EndpointDeploymentConfigAutoRollbackConfigurationArgs.builder()
                                .alarms(rollbackAlarm(errors), rollbackAlarm(latency))
                                .build())
                        .build())
                .tags(args.tags())
                .build(), options);

        // The scalable target's id comes from the endpoint configuration as well as the endpoint: when the
        // configuration is replaced (delete-first), the engine deletes the target first too, because its id is an
        // input that forces a replacement. So the variant is deregistered before UpdateEndpoint and registered again
        // after it, as SageMaker requires when the instance type changes (endpoint-scaling-update.html).
        var target = new Target(name + "-scaling-target", TargetArgs.builder()
                .serviceNamespace("sagemaker")
                .scalableDimension(SCALABLE_DIMENSION)
                .resourceId(Output.tuple(endpoint.name(), endpointConfig.name())
                        .applyValue(t -> HostingNames.scalableResourceId(t.t1)))
                .minCapacity(hosting.autoscaling().minCapacity())
                .maxCapacity(hosting.autoscaling().maxCapacity())
                .tags(args.tags())
                .build(), options);
        new Policy(name + "-invocations-per-instance", PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(INVOCATIONS_PER_INSTANCE).build())
                        .targetValue((double) hosting.autoscaling().targetInvocationsPerInstance())
                        .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                        .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                        .build())
                .build(), options);

        this.endpointName = endpoint.name();
        this.endpointArn = endpoint.arn();
        this.endpointConfigName = endpointConfig.name();
        registerOutputs(Map.of("endpointName", endpointName, "endpointArn", endpointArn,
                "endpointConfigName", endpointConfigName));
    }

    public Output<String> endpointName() {
        return endpointName;
    }

    public Output<String> endpointArn() {
        return endpointArn;
    }

    /** The endpoint configuration this deploy puts the endpoint on: what the deploy build checks it serves. */
    public Output<String> endpointConfigName() {
        return endpointConfigName;
    }

    /** An alarm on one metric of the endpoint's variant, a minute per datapoint, quiet while there is no traffic. */
    private MetricAlarm alarm(String name, Output<String> alarmName, Output<String> endpointName,
                              MetricAlarmArgs.Builder metric, ModelHostingArgs args, CustomResourceOptions options) {
        return new MetricAlarm(name, metric
                .name(alarmName)
                .namespace(NAMESPACE)
                .dimensions(endpointName.applyValue(endpoint -> Map.of(
                        "EndpointName", endpoint, "VariantName", HostingNames.VARIANT)))
                .period(60)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching")
                .tags(args.tags())
                .build(), options);
    }

    private static EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs rollbackAlarm(MetricAlarm alarm) {
        return EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs.builder().alarmName(alarm.name()).build();
    }

    /** The endpoint's volumes and data capture are encrypted with the tooling CMK, which KMS serves in its region. */
    static StageEnvironment inToolingRegion(StageEnvironment environment, String toolingRegion,
                                            TargetEnvironment.Stage stage) {
        if (!environment.region().equals(toolingRegion)) {
            throw new IllegalStateException("the " + stage.id() + " environment is in " + environment.region()
                    + " but the tooling key and bucket are in " + toolingRegion + ": SageMaker encrypts an "
                    + "endpoint's storage and data capture only with a key of the endpoint's region");
        }
        return environment;
    }

    /** The model's subnets and security groups in a stable order, or empty outside a VPC. */
    private static Optional<String> vpcFingerprint(StageEnvironment environment) {
        if (!environment.inVpc()) {
            return Optional.empty();
        }
        return Optional.of(String.join(",", environment.subnetIds().stream().sorted().toList()) + "|"
                + String.join(",", environment.securityGroupIds().stream().sorted().toList()));
    }

    private static ModelVpcConfigArgs vpcConfig(StageEnvironment environment) {
        if (!environment.inVpc()) {
            return null;
        }
        return ModelVpcConfigArgs.builder()
                .subnets(environment.subnetIds())
                .securityGroupIds(environment.securityGroupIds())
                .build();
    }

    private static EndpointConfigurationDataCaptureConfigArgs dataCapture(StageEnvironment environment,
                                                                          String bucketName, String kmsKeyArn,
                                                                          TargetEnvironment.Stage stage) {
        return environment.enableDataCapture() ? DataCapture.config(bucketName, kmsKeyArn, stage) : null;
    }
}
