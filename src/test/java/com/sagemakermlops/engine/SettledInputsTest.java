package com.sagemakermlops.engine;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs are settled before the SDK serializes them, so an input whose outputs resolve side by side on the SDK's two
 * async workers keeps every dependency (see {@link SettledInputs} for the SDK race it closes).
 */
class SettledInputsTest {

    @Test
    void anInputResolvesOnlyOnceEveryOutputInsideItHasResolved() {
        var policy = new CompletableFuture<String>();
        var input = Output.of(List.of(RoleInlinePolicyArgs.builder().name("read").policy(Output.of(policy)).build()));

        CompletableFuture<OutputData<List<RoleInlinePolicyArgs>>> settled =
                Internal.of(SettledInputs.settled(input)).getDataAsync();
        assertThat(settled).as("the policy inside the input has not resolved").isNotDone();

        policy.complete("{}");
        assertThat(settled).isCompleted();
        assertThat(settled.join()).as("the same value, known and not secret")
                .isEqualTo(Internal.of(input).getDataAsync().join());
    }

    /** The SDK's reflection over generated arguments (ImportMetadata) still reaches every input of theirs. */
    @Test
    void everyInputOfGeneratedArgumentsIsSettled() {
        var policy = new CompletableFuture<String>();
        var args = RoleArgs.builder().assumeRolePolicy("{}")
                .inlinePolicies(RoleInlinePolicyArgs.builder().name("read").policy(Output.of(policy)).build()).build();
        var before = args.inlinePolicies().orElseThrow();

        SettledInputs.settle(args);

        var after = args.inlinePolicies().orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(Internal.of(after).getDataAsync()).isNotDone();
        policy.complete("{}");
        assertThat(Internal.of(after).getDataAsync().join()).isEqualTo(Internal.of(before).getDataAsync().join());
        assertThat(Internal.of(args.assumeRolePolicy()).getDataAsync().join()).isEqualTo(OutputData.of("{}"));
    }

    @Test
    void settlingKeepsWhetherTheInputIsSecretOrKnown() {
        assertThat(Internal.of(SettledInputs.settled(Output.ofSecret("s3cr3t"))).getDataAsync().join())
                .isEqualTo(OutputData.of("s3cr3t", true));
        assertThat(Internal.of(SettledInputs.settled(Output.<String>of(
                CompletableFuture.completedFuture(null)))).getDataAsync().join().isKnown()).isTrue();
    }

    /**
     * Each role's one input holds an output of each of forty parameters (a policy per parameter ARN), and two threads
     * resolve those outputs side by side, as the SDK's two async workers do, each starting the next as soon as the
     * other has started one. Unsettled, both write the SDK's dependency set of each role's input at once, and within a
     * few runs a dependency is lost or the copy of the set fails with {@code ArrayIndexOutOfBoundsException}.
     */
    @Test
    void anInputHoldingOutputsOfManyResourcesDependsOnEveryOneOfThem() {
        for (int run = 0; run < 8; run++) {
            Recording recording = TestStacks.run("settled", TestStacks.cloud(), SettledInputsTest::rolesReadingParameters);
            assertThat(recording.errors()).isEmpty();
            List<String> parameterUrns = recording.ofType("aws:ssm/parameter:Parameter").stream()
                    .map(RecordedResource::urn).toList();
            assertThat(parameterUrns).hasSize(PARAMETERS);
            for (RecordedResource role : recording.ofType("aws:iam/role:Role")) {
                assertThat(role.propertyDependencies().get("inlinePolicies")).as(role.name())
                        .containsExactlyInAnyOrderElementsOf(parameterUrns);
            }
        }
    }

    private static final int PARAMETERS = 40;

    private static void rolesReadingParameters(Context ctx) {
        List<CompletableFuture<String>> releases = IntStream.range(0, PARAMETERS)
                .mapToObj(i -> new CompletableFuture<String>()).toList();
        List<Output<String>> arns = IntStream.range(0, PARAMETERS).mapToObj(i -> new Parameter("p" + i,
                ParameterArgs.builder().name("/p/" + i).type("String").value("v").build()).arn()
                .apply(arn -> Output.of(releases.get(i)).applyValue(ignored -> arn))).toList();
        for (int role = 0; role < 20; role++) {
            new Role("r" + role, RoleArgs.builder().assumeRolePolicy("{}")
                    .inlinePolicies(arns.stream().map(arn -> RoleInlinePolicyArgs.builder().name("read")
                            .policy(arn.applyValue(SettledInputsTest::readPolicy)).build()).toList())
                    .build());
        }
        var turn = new AtomicInteger();
        for (int worker = 0; worker < 2; worker++) {
            int first = worker;
            new Thread(() -> {
                pause();
                for (int i = first; i < PARAMETERS; i += 2) {
                    while (turn.get() < i) {
                        Thread.onSpinWait();
                    }
                    turn.incrementAndGet();
                    releases.get(i).complete("released");
                }
            }).start();
        }
    }

    private static String readPolicy(String parameterArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\","
                + "\"Resource\":\"" + parameterArn + "\"}]}";
    }

    /** Long enough for the roles' serialization to be waiting on the outputs. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
