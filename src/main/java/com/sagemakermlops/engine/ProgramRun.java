package com.sagemakermlops.engine;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;

import java.util.function.Consumer;

/**
 * Runs the program for the Pulumi engine that started it ({@code pulumi preview} / {@code up}) as
 * {@code Pulumi.run} does, but with the {@link CompletionRunner} in place of the SDK's polling runner: that loop
 * keeps re-queuing itself for as long as the deployment lasts, formatting every pending task into a debug message
 * on each pass, and so takes one of a 2-vCPU deploy build's processors from the engine and the provider. Every
 * resource's inputs are {@link SettledInputs settled} before the SDK serializes them.
 */
public final class ProgramRun {
    private ProgramRun() {
    }

    /** Runs {@code program} and exits with its exit code, as {@code Pulumi.run} does. */
    public static void run(Consumer<Context> program) {
        var state = DeploymentImpl.DeploymentState.fromEnvironment();
        state.runner = new CompletionRunner(state.logger);
        var deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(),
                deployment.getStackName(), new LoggingContextInternal(deployment.getLog()),
                new ConfigContextInternal(deployment.getProjectName(), name -> new Config(deployment.getConfig(), name)),
                new OutputContextInternal(new OutputFactory(state.runner)),
                SettledInputs.STACK);
        new PulumiInternal(state.runner, context).run(program);
    }
}
