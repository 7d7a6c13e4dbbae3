package com.sagemakermlops.config;

import com.sagemakermlops.config.HostingConfig.Deployment;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SageMaker's blue/green bounds, the time a deployment may take, and the instances a new configuration starts with. */
class HostingConfigTest {
    private static final String STACK = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: hosting
              sagemaker-mlops:hosting:
                toolingStack: organization/sagemaker-mlops/dev
                stage: prod
            """;

    private static List<String> problems(String hostingLines) {
        var e = catchThrowableOfType(() -> TestStacks.config(STACK + hostingLines), InvalidConfigException.class);
        return e == null ? List.of() : e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @ParameterizedTest
    @CsvSource({"canary, 1", "canary, 50", "linear, 10", "linear, 50"})
    void shiftsWithinSageMakersBoundsAreAccepted(String strategy, int percent) {
        assertThat(problems("    deployment: {strategy: " + strategy + ", trafficPercent: " + percent
                + ", waitMinutes: 3}\n")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"canary, 51, a canary of 1 to 50", "linear, 9, a linear step of 10 to 50",
            "linear, 60, a linear step of 10 to 50", "canary, 0, a canary of 1 to 50"})
    void shiftsOutsideSageMakersBoundsAreRefusedWithTheKeyPath(String strategy, int percent, String expected) {
        assertThat(problems("    deployment: {strategy: " + strategy + ", trafficPercent: " + percent
                + ", waitMinutes: 5}\n")).containsExactly("sagemaker-mlops:hosting.deployment.trafficPercent: "
                + "expected " + expected + " percent of capacity (SageMaker's bounds), got " + percent);
    }

    @Test
    void aDeploymentThatCannotSettleBeforeTheProviderStopsWaitingIsRefused() {
        assertThat(problems("    deployment: {strategy: linear, trafficPercent: 10, waitMinutes: 10}\n"))
                .singleElement().satisfies(problem -> assertThat(problem)
                        .startsWith("sagemaker-mlops:hosting.deployment.waitMinutes: expected at most 3 for this "
                                + "strategy, got 10: its 10 traffic shifts each bake that long")
                        .contains("about 125 minutes").contains("within 55 minutes")
                        .endsWith("after 60 (or take larger steps)"));
        assertThat(problems("    deployment: {strategy: canary, trafficPercent: 10, waitMinutes: 14}\n"))
                .singleElement().satisfies(problem -> assertThat(problem).contains("expected at most 13"));
        assertThat(problems("    deployment: {strategy: canary, trafficPercent: 10, waitMinutes: 13}\n")).isEmpty();
    }

    @Test
    void theTimelineCountsEveryShiftItsBakeAndTheFinalWait() {
        assertThat(new Deployment(Strategy.ALL_AT_ONCE, 100, 5).plannedMinutes()).isEqualTo(15 + 2 * 5);
        assertThat(new Deployment(Strategy.CANARY, 10, 10).plannedMinutes()).isEqualTo(15 + 3 * 10);
        assertThat(new Deployment(Strategy.LINEAR, 30, 5).shifts()).isEqualTo(4);
        assertThat(new Deployment(Strategy.LINEAR, 50, 5).shifts()).isEqualTo(2);
        assertThat(Deployment.SETTLE_MINUTES).isLessThan(Deployment.PROVIDER_WAIT_MINUTES);
    }

    @Test
    void aNewConfigurationStartsWithWhatTheAutoscalerRunsNowUpToItsMaximum() {
        HostingConfig initialOnly = TestStacks.config(STACK + "    initialInstanceCount: 2\n"
                + "    autoscaling: {minCapacity: 2, maxCapacity: 6}\n").requireHosting();
        assertThat(initialOnly.currentInstanceCount()).isEmpty();
        assertThat(initialOnly.startingInstanceCount()).isEqualTo(2);

        HostingConfig scaledOut = TestStacks.config(STACK + "    initialInstanceCount: 2\n    currentInstanceCount: 5\n"
                + "    autoscaling: {minCapacity: 2, maxCapacity: 6}\n").requireHosting();
        assertThat(scaledOut.currentInstanceCount()).isEqualTo(Optional.of(5));
        assertThat(scaledOut.startingInstanceCount()).isEqualTo(5);

        HostingConfig maximumLowered = TestStacks.config(STACK + "    initialInstanceCount: 2\n"
                + "    currentInstanceCount: 9\n    autoscaling: {minCapacity: 2, maxCapacity: 4}\n").requireHosting();
        assertThat(maximumLowered.startingInstanceCount()).isEqualTo(4);

        HostingConfig scaledIn = TestStacks.config(STACK + "    initialInstanceCount: 2\n    currentInstanceCount: 1\n"
                + "    autoscaling: {minCapacity: 1, maxCapacity: 4}\n").requireHosting();
        assertThat(scaledIn.startingInstanceCount()).isEqualTo(2);

        assertThat(problems("    currentInstanceCount: 0\n")).containsExactly(
                "sagemaker-mlops:hosting.currentInstanceCount: expected a whole number from 1 to 100, got 0");
    }
}
