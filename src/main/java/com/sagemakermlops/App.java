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
import java.util.Optional;

/**
 * The program Pulumi runs ({@code pulumi up}); with arguments, the {@code ./mlops} command line instead.
 * Configuration is read and validated completely before the first resource is registered.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        AsyncPool.useCommonPool();
        if (args.length > 0) {
            System.exit(Mlops.run(args, System.out, System.err));
        }
        ProgramRun.run(ctx -> {
            var settings = ConfigSources.fromPulumiEngine(System.getenv("PULUMI_CONFIG"));
            StackConfig config = new StackConfigParser(Path.of("").toAbsolutePath(), () -> Optional.of(
                    AwsFunctions.getCallerIdentityPlain().join().accountId())).parse(settings);
            Platform.define(ctx, config);
        });
    }
}
