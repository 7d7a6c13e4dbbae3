package com.sagemakermlops.components.hosting;

import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationCanarySizeArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationLinearStepSizeArgs;
import com.sagemakermlops.config.HostingConfig;

/**
 * How SageMaker shifts traffic from the old fleet to the new one when the endpoint moves to a new model version.
 * Every step waits {@code waitMinutes} (the bake time the rollback alarms watch), and the old fleet is kept as long
 * again after the last step, so a late alarm still rolls back without a cold start. SageMaker settles the deployment
 * (done, or rolled back) within {@link HostingConfig.Deployment#SETTLE_MINUTES}, while pulumi-aws still waits for it;
 * the configuration refuses a strategy whose plan does not fit.
 */
public final class BlueGreenPolicy {
    /** SageMaker's unit for canary and linear steps: a share of the new fleet's capacity. */
    static final String CAPACITY_PERCENT = "CAPACITY_PERCENT";

    private BlueGreenPolicy() {
    }

    public static EndpointDeploymentConfigBlueGreenUpdatePolicyArgs of(HostingConfig.Deployment deployment) {
        int waitSeconds = deployment.waitMinutes() * 60;
        var routing = EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationArgs.builder()
                .type(deployment.strategy().name())
                .waitIntervalInSeconds(waitSeconds);
        switch (deployment.strategy()) {
            case ALL_AT_ONCE -> {
            }
            case CANARY -> routing.canarySize(
                    EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationCanarySizeArgs.builder()
                            .type(CAPACITY_PERCENT).value(deployment.trafficPercent()).build());
            case LINEAR -> routing.linearStepSize(
                    EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationLinearStepSizeArgs.builder()
                            .type(CAPACITY_PERCENT).value(deployment.trafficPercent()).build());
        }
        return EndpointDeploymentConfigBlueGreenUpdatePolicyArgs.builder()
                .trafficRoutingConfiguration(routing.build())
                .terminationWaitInSeconds(waitSeconds)
                .maximumExecutionTimeoutInSeconds(HostingConfig.Deployment.SETTLE_MINUTES * 60)
                .build();
    }
}
