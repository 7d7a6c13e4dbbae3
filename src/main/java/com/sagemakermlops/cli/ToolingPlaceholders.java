package com.sagemakermlops.cli;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.contract.ProductExports;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.contract.StageNetwork;
import com.sagemakermlops.contract.StageRoles;
import com.sagemakermlops.contract.StoreExports;
import com.sagemakermlops.contract.ToolingExports;
import com.sagemakermlops.engine.FakeCloud;
import com.sagemakermlops.engine.OfflineEngine;

import java.util.Map;

/**
 * Clearly marked stand-ins for a tooling stack's outputs when neither a plan nor its stack file is at hand: shaped
 * like the real ones (ARNs, account ids) so the hosting program runs, named {@code placeholder-...}, and exported
 * through the contract as a tooling stack exports it.
 */
final class ToolingPlaceholders {
    static final String ACCOUNT = "000000000000";
    private static final String MARKER = FakeCloud.PLACEHOLDER_PREFIX;

    private ToolingPlaceholders() {
    }

    /** The outputs a tooling stack exporting {@code hosting}'s stage would have, as plain values. */
    static Map<String, Object> outputs(StackConfig hosting) {
        var cloud = new FakeCloud(new FakeCloud.Account(ACCOUNT, hosting.region()), Map.of());
        return OfflineEngine.run(MARKER + "tooling", cloud, false, ctx -> exports(hosting).exportTo(ctx)).outputs();
    }

    private static ToolingExports exports(StackConfig hosting) {
        String partition = hosting.partition();
        String region = hosting.region();
        Stage stage = hosting.requireHosting().stage();
        var environment = new StageExports(ACCOUNT, region, StageNetwork.NONE,
                new StageRoles(Arns.roleOf(partition, ACCOUNT, MARKER + "deploy"),
                        Arns.roleOf(partition, ACCOUNT, MARKER + "execution"), MARKER + "external-id"),
                true, true);
        return new ToolingExports(
                new ProductExports(Output.of(MARKER + "product"), Output.of(partition), Output.of(ACCOUNT),
                        Output.of(region)),
                new StoreExports(Output.of(Arns.of(partition, "kms", region, ACCOUNT, "key/" + MARKER + "key")),
                        Output.of(MARKER + "bucket"), Output.of(Arns.of(partition, "s3", "", "", MARKER + "bucket")),
                        Output.of(MARKER + "models"),
                        Output.of(Arns.of(partition, "sagemaker", region, ACCOUNT,
                                "model-package-group/" + MARKER + "models"))),
                Output.of(Map.of(stage, environment)));
    }
}
