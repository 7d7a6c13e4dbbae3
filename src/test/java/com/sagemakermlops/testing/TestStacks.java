package com.sagemakermlops.testing;

import com.pulumi.Context;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.engine.FakeCloud;
import com.sagemakermlops.engine.OfflineEngine;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.stacks.Platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Typed configurations from stack-file text, and offline runs of them, for tests. */
public final class TestStacks {
    public static final String TOOLING_ACCOUNT = "111122223333";
    public static final String PREPROD_ACCOUNT = "222233334444";
    public static final String PROD_ACCOUNT = "333344445555";
    public static final String REGION = "us-west-2";

    /** The repository root: seed-code paths in test configs resolve against it. */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    private TestStacks() {
    }

    /**
     * A tooling stack file of the test product with its training block, then {@code lines} (YAML at the level of the
     * top-level keys, e.g. a {@code sagemaker-mlops:deploy:} block, a tier).
     */
    public static String tooling(String... lines) {
        return """
                config:
                  aws:region: us-west-2
                  sagemaker-mlops:role: tooling
                  sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
                  sagemaker-mlops:training:
                    projectName: fraud-training
                    seedCodePath: seed-code/model-build
                """ + String.join("", java.util.Arrays.stream(lines).map(line -> "  " + line + "\n").toList());
    }

    /** Parses the text of a {@code Pulumi.<stack>.yaml} (with its {@code config:} block). */
    public static StackConfig config(String stackFileYaml) {
        return new StackConfigParser(ROOT, () -> Optional.of(TOOLING_ACCOUNT))
                .parse(ConfigSources.fromYaml("test", stackFileYaml));
    }

    public static FakeCloud cloud() {
        return cloud(Map.of());
    }

    public static FakeCloud cloud(Map<String, Map<String, Object>> stackOutputs) {
        return new FakeCloud(new FakeCloud.Account(TOOLING_ACCOUNT, REGION), stackOutputs);
    }

    /** The whole program for {@code config}, as {@code pulumi up} would run it. */
    public static Recording run(String stack, StackConfig config) {
        return run(stack, cloud(), ctx -> Platform.define(ctx, config));
    }

    public static Recording run(String stack, FakeCloud cloud, Consumer<Context> program) {
        return OfflineEngine.run(stack, cloud, false, program);
    }

    /** As {@link #run(String, FakeCloud, Consumer)} in preview mode, where computed values are unknown. */
    public static Recording preview(String stack, FakeCloud cloud, Consumer<Context> program) {
        return OfflineEngine.run(stack, cloud, true, program);
    }

    /** The run's errors, or what it threw: the engine reports a failed apply either way, depending on timing. */
    public static String failureOf(java.util.function.Supplier<Recording> run) {
        try {
            return String.join("\n", run.get().errors());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return String.valueOf(cause.getMessage());
        }
    }
}
