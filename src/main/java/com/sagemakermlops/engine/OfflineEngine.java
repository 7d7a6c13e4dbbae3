package com.sagemakermlops.engine;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a Pulumi program against the SDK's mock engine, recording every registration. Used by the unit tests and by
 * {@code ./mlops plan}. Runs on different threads may go side by side: the SDK keeps a run's deployment per thread
 * ({@code DeploymentInstanceHolder}) and carries it along the run's asynchronous steps
 * ({@code ContextAwareCompletableFuture}).
 */
public final class OfflineEngine {
    public static final String PROJECT = "sagemaker-mlops";
    public static final String ORGANIZATION = "organization";

    private OfflineEngine() {
    }

    public static Recording run(String stack, FakeCloud cloud, boolean preview, Consumer<Context> program) {
        return run(stack, cloud, preview, program, OfflineEngine::deployment);
    }

    /** As {@link #run(String, FakeCloud, boolean, Consumer)} with the deployment {@code deployments} makes. */
    static Recording run(String stack, FakeCloud cloud, boolean preview, Consumer<Context> program,
                         Function<DeploymentImpl.DeploymentState, DeploymentInternal> deployments) {
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .organizationName(ORGANIZATION)
                        .projectName(PROJECT)
                        .stackName(stack)
                        .preview(preview)
                        .resourceTransformations(SettledInputs.STACK)
                        .build())
                .mocks(cloud)
                .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(cloud))
                .deploymentFactory(deployments)
                .build();
        try {
            TestResult result = test.runTest(program);
            List<String> errors = new ArrayList<>(result.errors());
            result.exceptions().forEach(e -> errors.add(String.valueOf(e.getMessage())));
            Map<String, Object> outputs = new TreeMap<>();
            List<String> secrets = new ArrayList<>();
            for (Map.Entry<String, Output<?>> output : result.outputs().entrySet()) {
                OutputData<?> data;
                try {
                    data = PulumiTestInternal.extractOutputData(output.getValue());
                } catch (CompletionException failed) {
                    // an output of a failed run: the run's errors say why, or this one does
                    if (errors.isEmpty()) {
                        errors.add(String.valueOf(failed.getMessage()));
                    }
                    continue;
                }
                outputs.put(output.getKey(), data.isKnown() ? plain(data.getValueNullable()) : "<unknown>");
                if (data.isSecret()) {
                    secrets.add(output.getKey());
                }
            }
            return new Recording(stack, monitor[0].recorded(), outputs, secrets, errors);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** The SDK's deployment with the offline engine's runner and logger in place of the SDK's own. */
    static DeploymentInternal deployment(DeploymentImpl.DeploymentState state) {
        state.logger = new OfflineEngineLogger(state.logger);
        state.runner = new CompletionRunner(state.logger);
        return new DeploymentImpl(state);
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OfflineEngine::plain).toList();
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(OfflineEngine::plain).orElse(null);
        }
        return value;
    }
}
