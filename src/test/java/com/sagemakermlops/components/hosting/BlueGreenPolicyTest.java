package com.sagemakermlops.components.hosting;

import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import com.sagemakermlops.config.HostingConfig.Deployment;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlueGreenPolicyTest {

    @Test
    void allAtOnceShiftsEverythingThenBakesForTheWait() {
        var policy = BlueGreenPolicy.of(new Deployment(Strategy.ALL_AT_ONCE, 100, 10));
        var routing = routing(policy);
        assertThat(value(routing.type())).isEqualTo("ALL_AT_ONCE");
        assertThat(value(routing.waitIntervalInSeconds())).isEqualTo(600);
        assertThat(routing.canarySize()).isEmpty();
        assertThat(routing.linearStepSize()).isEmpty();
        assertThat(policy.terminationWaitInSeconds().map(BlueGreenPolicyTest::value)).contains(600);
    }

    @Test
    void canaryShiftsTheTrafficPercentFirst() {
        var routing = routing(BlueGreenPolicy.of(new Deployment(Strategy.CANARY, 10, 15)));
        assertThat(value(routing.type())).isEqualTo("CANARY");
        assertThat(value(routing.waitIntervalInSeconds())).isEqualTo(900);
        var canary = value(routing.canarySize().orElseThrow());
        assertThat(value(canary.type())).isEqualTo("CAPACITY_PERCENT");
        assertThat(value(canary.value())).isEqualTo(10);
        assertThat(routing.linearStepSize()).isEmpty();
    }

    @Test
    void linearShiftsTheTrafficPercentPerStep() {
        var policy = BlueGreenPolicy.of(new Deployment(Strategy.LINEAR, 25, 0));
        var routing = routing(policy);
        assertThat(value(routing.type())).isEqualTo("LINEAR");
        assertThat(value(routing.waitIntervalInSeconds())).isZero();
        var step = value(routing.linearStepSize().orElseThrow());
        assertThat(value(step.type())).isEqualTo("CAPACITY_PERCENT");
        assertThat(value(step.value())).isEqualTo(25);
        assertThat(routing.canarySize()).isEmpty();
        assertThat(policy.terminationWaitInSeconds().map(BlueGreenPolicyTest::value)).contains(0);
    }

    private static EndpointDeploymentConfigBlueGreenUpdatePolicyTrafficRoutingConfigurationArgs routing(
            EndpointDeploymentConfigBlueGreenUpdatePolicyArgs policy) {
        return value(policy.trafficRoutingConfiguration());
    }

    private static <T> T value(Output<T> output) {
        return PulumiTestInternal.extractOutputData(output).getValueNullable();
    }
}
