package com.sagemakermlops.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The offline engine swaps the SDK's task runner and engine logger for its own through classes the SDK marks
 * internal ({@code com.pulumi.*.internal}, written against com.pulumi:pulumi 1.36.1). When an SDK upgrade moves
 * any of them, these tests say which one; without them the swap would silently stop happening and plans would be
 * slow again (or, for the runner's contract, wrong).
 */
class SdkInternalsCanaryTest {
    private static final String WHY = " (OfflineEngine.deployment replaces the SDK's polling runner and its logger"
            + " through it; see engine/CompletionRunner)";

    @Test
    void deploymentStateStillHasTheReplaceableRunnerAndLoggerFields() {
        assertMutablePublicField(DeploymentImpl.DeploymentState.class, "runner", Runner.class);
        assertMutablePublicField(DeploymentImpl.DeploymentState.class, "logger", EngineLogger.class);
    }

    @Test
    void theTestBuilderStillTakesADeploymentFactory() throws NoSuchMethodException {
        Method factory = PulumiTestInternal.Builder.class.getMethod("deploymentFactory", Function.class);
        assertThat(factory.getReturnType()).as("PulumiTestInternal.Builder.deploymentFactory" + WHY)
                .isEqualTo(PulumiTestInternal.Builder.class);
        assertThat(DeploymentImpl.class.getConstructor(DeploymentImpl.DeploymentState.class))
                .as("public DeploymentImpl(DeploymentState)" + WHY).isNotNull();
    }

    @Test
    void theRunnerAndLoggerInterfacesAreStillTheOnesImplemented() {
        assertThat(abstractMethods(Runner.class)).as("the abstract methods of Runner" + WHY)
                .containsExactlyInAnyOrder("registerTask", "runAsync");
        assertThat(abstractMethods(EngineLogger.class)).as("the abstract methods of EngineLogger" + WHY)
                .containsExactlyInAnyOrder("logAsync", "getErrorCount", "hasLoggedErrors");
        try {
            var constructor = Runner.Result.class.getDeclaredConstructor(int.class, List.class, Optional.class);
            assertThat(Modifier.isProtected(constructor.getModifiers()) || Modifier.isPublic(constructor.getModifiers()))
                    .as("Runner.Result(int, List, Optional) is reachable from a subclass" + WHY).isTrue();
        } catch (NoSuchMethodException e) {
            fail("Runner.Result no longer has the constructor (int, List<Exception>, Optional<T>)" + WHY);
        }
    }

    /** The deployment must take the runner from the state when it is built, for resources and stack outputs. */
    @Test
    void theDeploymentRegistersResourcesAndOutputsWithTheReplacedRunner() throws Exception {
        var state = new DeploymentImpl.DeploymentState(new DeploymentImpl.Config(ImmutableMap.of(), ImmutableSet.of()),
                Logger.getLogger("canary"), "organization", "project", "stack", "", false, new MockEngine(),
                new MockMonitor(new FakeCloud(new FakeCloud.Account("111122223333", "us-west-2"), java.util.Map.of()),
                        PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.WARNING))));
        DeploymentImpl deployment = (DeploymentImpl) OfflineEngine.deployment(state);

        assertThat(deployment.getRunner()).as("DeploymentImpl.getRunner()" + WHY).isInstanceOf(CompletionRunner.class);
        assertThat(state.logger).isInstanceOf(OfflineEngineLogger.class);
        for (String part : List.of("readOrRegisterResource", "registerResourceOutputs")) {
            Object component = privateField(DeploymentImpl.class, part).get(deployment);
            assertThat(privateField(component.getClass(), "runner").get(component))
                    .as("the runner DeploymentImpl." + part + " registers its tasks with" + WHY)
                    .isSameAs(state.runner);
        }
    }

    /**
     * The recording engine is the SDK's mock monitor extended ({@link RecordingMonitor}), put in place by the test
     * builder's monitor decorator, and reads stack outputs with the test helpers.
     */
    @Test
    void theMockMonitorTheRecordingEngineExtendsIsStillThere() {
        String why = " (RecordingMonitor extends it and OfflineEngine installs it; see engine/RecordingMonitor)";
        try {
            assertThat(Modifier.isFinal(MockMonitor.class.getModifiers())).as("MockMonitor is final" + why).isFalse();
            MockMonitor.class.getConstructor(com.pulumi.test.Mocks.class, com.pulumi.Log.class);
            assertThat(MockMonitor.class.getMethod("registerResourceAsync", com.pulumi.resources.Resource.class,
                    pulumirpc.Resource.RegisterResourceRequest.class).getReturnType())
                    .as("MockMonitor.registerResourceAsync's result" + why)
                    .isEqualTo(java.util.concurrent.CompletableFuture.class);
            MockMonitor.class.getMethod("readResourceAsync", com.pulumi.resources.Resource.class,
                    pulumirpc.Resource.ReadResourceRequest.class);
            assertThat(PulumiTestInternal.Builder.class.getMethod("monitorDecorator", Function.class).getReturnType())
                    .as("PulumiTestInternal.Builder.monitorDecorator" + why).isEqualTo(PulumiTestInternal.Builder.class);
            PulumiTestInternal.class.getMethod("mockLog", Logger.class);
            PulumiTestInternal.class.getMethod("logger", Level.class);
            PulumiTestInternal.class.getMethod("extractOutputData", com.pulumi.core.Output.class);
            PulumiTestInternal.class.getMethod("cleanup");
        } catch (NoSuchMethodException e) {
            fail("the SDK no longer has " + e.getMessage() + why);
        }
    }

    private static void assertMutablePublicField(Class<?> owner, String name, Class<?> type) {
        try {
            Field field = owner.getField(name);
            assertThat(field.getType()).as(owner.getName() + "." + name + " type" + WHY).isEqualTo(type);
            assertThat(Modifier.isFinal(field.getModifiers())).as(owner.getName() + "." + name + " is final" + WHY)
                    .isFalse();
        } catch (NoSuchFieldException e) {
            fail(owner.getName() + " has no public field " + name + WHY);
        }
    }

    private static Field privateField(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new AssertionError(owner.getName() + " has no field " + name + WHY, e);
        }
    }

    private static List<String> abstractMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(Method::getName).toList();
    }
}
