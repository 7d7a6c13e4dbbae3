package com.sagemakermlops.components.hosting;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.sagemaker.Endpoint;
import com.pulumi.aws.sagemaker.EndpointConfiguration;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.config.HostingConfig;

import javax.annotation.Nullable;
import java.util.Map;

/** Target-tracking autoscaling of the endpoint's variant on its invocations per instance. */
public final class EndpointAutoscaling extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:hosting:EndpointAutoscaling";

    static final String SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount";
    static final String INVOCATIONS_PER_INSTANCE = "SageMakerVariantInvocationsPerInstance";
    private static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    private static final int SCALE_OUT_COOLDOWN_SECONDS = 60;

    private final Target target;

    /**
     * @param endpoint       the endpoint whose variant scales
     * @param endpointConfig the configuration the endpoint serves: the target follows it (see the constructor)
     * @param autoscaling    the capacity range and the invocations per instance to track
     * @param tags           the tags the scalable target carries (a scaling policy takes none)
     */
    public record Args(Endpoint endpoint, EndpointConfiguration endpointConfig, HostingConfig.Autoscaling autoscaling,
                       Output<Map<String, String>> tags) {
    }

    public EndpointAutoscaling(String name, Args args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        // The scalable target's id comes from the endpoint configuration as well as the endpoint: when the
        // configuration is replaced (delete-first), the engine deletes the target first too, because its id is an
        // input that forces a replacement. So the variant is deregistered before UpdateEndpoint and registered again
        // after it, as SageMaker requires when the instance type changes (endpoint-scaling-update.html).
        this.target = new Target(name + "-target", TargetArgs.builder()
                .serviceNamespace("sagemaker")
                .scalableDimension(SCALABLE_DIMENSION)
                .resourceId(Output.tuple(args.endpoint().name(), args.endpointConfig().name())
                        .applyValue(t -> HostingNames.scalableResourceId(t.t1)))
                .minCapacity(args.autoscaling().minCapacity())
                .maxCapacity(args.autoscaling().maxCapacity())
                .tags(args.tags())
                .build(), child);
        new Policy(name + "-invocations-per-instance", PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(INVOCATIONS_PER_INSTANCE).build())
                        .targetValue((double) args.autoscaling().targetInvocationsPerInstance())
                        .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                        .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                        .build())
                .build(), child);
        registerOutputs(Map.of("resourceId", target.resourceId()));
    }

    /** The endpoint variant's scalable target. */
    public Target target() {
        return target;
    }
}
