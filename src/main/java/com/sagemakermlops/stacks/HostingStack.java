package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.hosting.HostingNames;
import com.sagemakermlops.components.hosting.ModelHosting;
import com.sagemakermlops.components.hosting.ModelHostingArgs;
import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.components.hosting.ToolingOutputs;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A staging or production account: the approved model, hosted behind an endpoint. Everything about the stage comes
 * from the tooling stack; every resource goes through the stage's provider, which assumes the stage's deploy role.
 */
final class HostingStack {
    static final String NO_MODEL_STATUS =
            "no approved model deployed yet: set sagemaker-mlops:hosting.modelPackageArn";

    private HostingStack() {
    }

    static void define(Context ctx, StackConfig config) {
        HostingConfig hosting = config.requireHosting();
        TargetEnvironment.Stage stage = hosting.stage();
        var toolingStack = new StackReference("tooling",
                StackReferenceArgs.builder().name(hosting.toolingStack()).build());
        ToolingOutputs tooling = ToolingOutputs.read(toolingStack);
        Provider provider = stageProvider(stage, tooling.environment(stage));
        ctx.export("stage", Output.of(stage.id()));

        Optional<String> modelPackageArn = hosting.modelPackageArn();
        if (modelPackageArn.isEmpty()) {
            ctx.log().info(NO_MODEL_STATUS);
            ctx.export("status", Output.of(NO_MODEL_STATUS));
            return;
        }
        Output<Map<String, String>> tags = tooling.productName().applyValue(product -> Tags.of(product,
                config.tier().name().toLowerCase(Locale.ROOT), stage.id(), product, Optional.empty(),
                Optional.empty()).asMap());
        var hosted = new ModelHosting("hosting-" + stage.id(),
                new ModelHostingArgs(hosting, modelPackageArn.get(), tooling, tags), provider);
        ctx.export("endpointName", hosted.endpointName());
        ctx.export("endpointArn", hosted.endpointArn());
        ctx.export("endpointConfigName", hosted.endpointConfigName());
        ctx.export("namePrefix", tooling.productName().applyValue(HostingNames::resourcePrefix));
        ctx.export("modelPackageArn", Output.of(modelPackageArn.get()));
    }

    /** The stage's account and region, entered through its deploy role with the external ID; nowhere else. */
    static Provider stageProvider(TargetEnvironment.Stage stage, Output<StageEnvironment> environment) {
        return new Provider("aws-" + stage.id(), ProviderArgs.builder()
                .region(environment.applyValue(StageEnvironment::region))
                .allowedAccountIds(environment.applyValue(e -> List.of(e.accountId())))
                .assumeRole(environment.applyValue(e -> ProviderAssumeRoleArgs.builder()
                        .roleArn(e.deployRoleArn())
                        .externalId(e.externalId())
                        .sessionName(sessionName(stage))
                        .build()))
                .build());
    }

    static String sessionName(TargetEnvironment.Stage stage) {
        return "sagemaker-mlops-" + stage.id();
    }
}
