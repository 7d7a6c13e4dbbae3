package com.sagemakermlops.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Urn;
import com.sagemakermlops.policy.PropertyValues;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /**
     * The recording engine answers a registration itself ({@link MockedState}, {@link RecordingMonitor#urn}) the way
     * the SDK's mock monitor does through the SDK's deserializer and serializer: for inputs of every kind the SDK
     * converts (unknowns, secrets, nulls and internal members at any depth) and the states the fake cloud adds, the
     * answers must be the same.
     */
    @Test
    void theRecordingMonitorAnswersRegistrationsAsTheSdkMockMonitorDoes() {
        String why = " (RecordingMonitor answers registrations without the SDK's mock monitor; see engine/MockedState)";
        FakeCloud cloud = new FakeCloud(new FakeCloud.Account("111122223333", "us-west-2"), java.util.Map.of());
        Struct inputs = Struct.newBuilder()
                .putFields("name", text("models"))
                .putFields("count", Value.newBuilder().setNumberValue(3).build())
                .putFields("enabled", Value.newBuilder().setBoolValue(true).build())
                .putFields("nothing", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("notYetKnown", text(PropertyValues.UNKNOWN_SIG))
                .putFields("__internal", text("kept at the top"))
                .putFields("password", secret(text("s3cr3t")))
                .putFields("tags", object(Map.of("b", text("2"), "a", secret(text("1")), "__skipped", text("x"),
                        "none", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())))
                .putFields("list", list(text("x"), Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build(),
                        object(Map.of("deep", secret(list(text("y")))))))
                .putFields("listWithUnknown", list(text("x"), text(PropertyValues.UNKNOWN_SIG)))
                .putFields("objectWithUnknown", object(Map.of("k", secret(text(PropertyValues.UNKNOWN_SIG)))))
                .build();
        String parent = "urn:pulumi:stack::sagemaker-mlops::sagemaker-mlops:components:Store::store";
        List<RegisterResourceRequest> requests = List.of(
                request("aws:s3/bucketV2:BucketV2", "bucket", "", inputs),
                request("aws:iam/role:Role", "role", parent, inputs.toBuilder().putFields("path", text("/x/")).build()),
                request("aws:kms/key:Key", "key", parent, inputs),
                request("pulumi:providers:aws", "stage", "", Struct.newBuilder()
                        .putFields("region", text("eu-west-1"))
                        .putFields("allowedAccountIds", text("[\"444455556666\"]")).build()),
                request("sagemaker-mlops:components:Store", "store", "", inputs));
        List<List<RegisterResourceResponse>> answers = new ArrayList<>();
        Recording run = OfflineEngine.run("stack", cloud, false, ctx -> {
            var sdk = new MockMonitor(cloud, PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.WARNING)));
            var recording = new RecordingMonitor(cloud);
            for (RegisterResourceRequest request : requests) {
                answers.add(List.of(sdk.registerResourceAsync(null, request).join(),
                        recording.registerResourceAsync(null, request).join()));
            }
        });
        assertThat(run.errors()).isEmpty();
        assertThat(answers).hasSize(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RegisterResourceResponse sdkAnswer = answers.get(i).get(0);
            RegisterResourceResponse recorded = answers.get(i).get(1);
            String what = "the answer to " + requests.get(i).getType() + why;
            assertThat(recorded.getUrn()).as(what).isEqualTo(sdkAnswer.getUrn());
            assertThat(recorded.getId()).as(what).isEqualTo(sdkAnswer.getId());
            assertThat(List.copyOf(recorded.getObject().getFieldsMap().keySet())).as(what)
                    .isEqualTo(List.copyOf(sdkAnswer.getObject().getFieldsMap().keySet()));
            assertThat(recorded.getObject().getFieldsMap()).as(what)
                    .isEqualTo(EngineSecrets.registeredOutputs(requests.get(i).getObject(), List.of(),
                            sdkAnswer.getObject()).getFieldsMap());
        }
        assertThat(answers.get(0).get(1).getObject().getFieldsMap()).as("the planted inputs reach the answer")
                .containsKeys("name", "count", "enabled", "__internal", "password", "tags", "list", "arn")
                .doesNotContainKeys("nothing", "notYetKnown", "listWithUnknown", "objectWithUnknown");
    }

    @Test
    void theRecordingMonitorsUrnsAreTheSdksUrns() {
        String parent = "urn:pulumi:dev::sagemaker-mlops::sagemaker-mlops:components:Store$aws:s3/bucketV2:BucketV2::b";
        for (String[] urn : List.of(new String[]{"", "aws:s3/bucketV2:BucketV2", "bucket"},
                new String[]{parent, "aws:s3/bucketPolicy:BucketPolicy", "policy"},
                new String[]{"", "pulumi:providers:aws", "default_6_83_0"},
                new String[]{"", "odd::type", "x"},
                new String[]{"", "pulumi:pulumi:Stack", "sagemaker-mlops-dev"})) {
            assertThat(RecordingMonitor.urn("dev", "sagemaker-mlops", urn[0], urn[1], urn[2]))
                    .as("the URN of " + urn[1] + " (RecordingMonitor.urn reproduces Urn.create)")
                    .isEqualTo(Urn.create("dev", "sagemaker-mlops", Optional.of(urn[0]), urn[1], urn[2]));
        }
    }

    private static RegisterResourceRequest request(String type, String name, String parent, Struct inputs) {
        return RegisterResourceRequest.newBuilder().setType(type).setName(name).setParent(parent).setCustom(true)
                .setObject(inputs).build();
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value secret(Value value) {
        return object(Map.of(PropertyValues.SIG_KEY, text(PropertyValues.SECRET_SIG), "value", value));
    }

    private static Value object(Map<String, Value> members) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(members)).build();
    }

    private static Value list(Value... values) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(values))).build();
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
