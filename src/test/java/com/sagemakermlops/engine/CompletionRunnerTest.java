package com.sagemakermlops.engine;

import com.pulumi.Context;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.exceptions.RunException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline engine's runner against the SDK's own (DeploymentImpl's polling runner) on the same programs: the
 * same registrations, outputs and reported errors.
 */
class CompletionRunnerTest {

    /** Resources created inside applies, three levels deep: the run waits for tasks registered late. */
    @Test
    void waitsForResourcesRegisteredInsideApplies() {
        Consumer<Context> program = ctx -> {
            var first = parameter("first", Output.of("a"));
            var second = parameter("second", first.arn().applyValue(arn -> arn + "/b"));
            second.arn().applyValue(arn -> parameter("third", Output.of(arn + "/c")).arn()
                    .applyValue(inner -> parameter("fourth", Output.of(inner))));
            ctx.export("second", second.value());
        };
        Recording ours = run(program, true);
        Recording sdk = run(program, false);

        assertThat(ours.errors()).isEmpty();
        assertThat(ours.resources().stream().map(RecordedResource::name))
                .containsExactly("first", "fourth", "second", "third", "sagemaker-mlops-dev");
        assertThat(ours.resources()).isEqualTo(sdk.resources());
        assertThat(ours.outputs()).isEqualTo(sdk.outputs())
                .containsEntry("second", "arn:aws:ssm:us-west-2:111122223333:parameterfirst/b");
    }

    @Test
    void reportsAFailedApplyAsTheSdkDoes() {
        Consumer<Context> program = ctx -> parameter("first", Output.of("a")).arn().applyValue(arn -> {
            throw new IllegalStateException("no value for " + arn);
        });
        List<String> ours = errors(run(program, true));

        assertThat(ours).isEqualTo(errors(run(program, false)))
                .contains("java.lang.IllegalStateException: no value for arn:aws:ssm:us-west-2:111122223333:parameterfirst");
    }

    @Test
    void reportsARunExceptionByItsMessageAlone() {
        Consumer<Context> program = ctx -> Output.of("x").applyValue(x -> {
            throw new RunException("the tooling stack exports no environments");
        });
        List<String> ours = errors(run(program, true));

        assertThat(ours).isEqualTo(errors(run(program, false)))
                .contains("the tooling stack exports no environments");
    }

    @Test
    void reportsAProgramThatThrowsBeforeRegisteringAnything() {
        Consumer<Context> program = ctx -> {
            throw new IllegalArgumentException("bad configuration");
        };
        List<String> ours = errors(run(program, true));

        assertThat(ours).isEqualTo(errors(run(program, false))).contains("bad configuration");
    }

    private static Parameter parameter(String name, Output<String> value) {
        return new Parameter(name, ParameterArgs.builder().name(name).type("String").value(value).build());
    }

    private static Recording run(Consumer<Context> program, boolean completionRunner) {
        FakeCloud cloud = new FakeCloud(new FakeCloud.Account("111122223333", "us-west-2"), Map.of());
        return OfflineEngine.run("dev", cloud, false, program,
                completionRunner ? OfflineEngine::deployment : DeploymentImpl::new);
    }

    /** Each error up to its stack trace, without the process id and command line the SDK puts in some. */
    private static List<String> errors(Recording recording) {
        return recording.errors().stream()
                .flatMap(e -> e.lines().takeWhile(line -> !line.startsWith("\tat ")))
                .map(line -> line.replaceFirst("\\[PID: \\d+]\\(.*\\)", "[PID]"))
                .sorted().toList();
    }
}
