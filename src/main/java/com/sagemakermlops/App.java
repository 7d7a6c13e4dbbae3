package com.sagemakermlops;

import com.pulumi.aws.AwsFunctions;
import com.sagemakermlops.cli.Mlops;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.engine.AsyncPool;
import com.sagemakermlops.engine.ProgramRun;
import com.sagemakermlops.stacks.Platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The program Pulumi runs ({@code pulumi up}); started any other way, the {@code ./mlops} command line instead.
 * Configuration is read and validated completely before the first resource is registered.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        AsyncPool.useCommonPool();
        if (!startedByPulumi(args, System.getenv())) {
            System.exit(Mlops.run(args, System.out, System.err));
        }
        ProgramRun.run(ctx -> {
            // Read as the SDK reads it, with the keys set with --secret, so their values stay secret.
            var settings = ConfigSources.fromPulumiEngine(System.getenv("PULUMI_CONFIG"),
                    System.getenv("PULUMI_CONFIG_SECRET_KEYS"));
            StackConfig config = new StackConfigParser(Path.of("").toAbsolutePath(), () -> Optional.of(
                    AwsFunctions.getCallerIdentityPlain().join().accountId())).parse(settings);
            Platform.define(ctx, config);
        });
    }

    /**
     * Whether the Pulumi Java language host started this jar as the program: it runs {@code java -jar <binary>}
     * without arguments (pulumi/pulumi-java {@code pkg/cmd/pulumi-language-java/executor_jar.go}) and gives it the
     * engine's addresses in {@code PULUMI_MONITOR} and {@code PULUMI_ENGINE} ({@code main.go}, {@code constructEnv}),
     * which the SDK requires to run at all
     * ({@code com.pulumi.deployment.internal.DeploymentImpl.DeploymentState.fromEnvironment}). Anything else, including
     * {@code ./mlops} with no command, is the command line.
     */
    static boolean startedByPulumi(String[] args, Map<String, String> environment) {
        return args.length == 0 && environment.containsKey("PULUMI_MONITOR") && environment.containsKey("PULUMI_ENGINE");
    }
}
