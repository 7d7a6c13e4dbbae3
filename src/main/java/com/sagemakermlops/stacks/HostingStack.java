package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.EndpointSettings;
import com.sagemakermlops.components.hosting.HostingNames;
import com.sagemakermlops.components.hosting.ModelHosting;
import com.sagemakermlops.components.hosting.ModelHostingArgs;
import com.sagemakermlops.components.hosting.ModelNetwork;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.contract.ToolingExports;

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
        ToolingExports tooling = ToolingExports.readFrom(new StackReference("tooling",
                StackReferenceArgs.builder().name(hosting.toolingStack()).build()));
        Output<StageExports> environment = Output.tuple(tooling.stage(stage), tooling.product().region())
                .applyValue(t -> inToolingRegion(t.t1, t.t2, stage));
        Provider provider = stageProvider(stage, environment);
        ctx.export("stage", Output.of(stage.id()));

        Optional<String> modelPackageArn = hosting.modelPackageArn();
        if (modelPackageArn.isEmpty()) {
            ctx.log().info(NO_MODEL_STATUS);
            ctx.export("status", Output.of(NO_MODEL_STATUS));
            return;
        }
        var hosted = new ModelHosting("hosting-" + stage.id(),
                hostingArgs(config, modelPackageArn.get(), tooling, environment),
                ComponentResourceOptions.builder().providers(provider).build());
        ctx.export("endpointName", hosted.endpointName());
        ctx.export("endpointArn", hosted.endpointArn());
        ctx.export("endpointConfigName", hosted.endpointConfigName());
        ctx.export("namePrefix", tooling.product().productName().applyValue(HostingNames::resourcePrefix));
        ctx.export("modelPackageArn", Output.of(modelPackageArn.get()));
    }

    /** The stage's hosting as its configuration and the tooling stack's contract describe it. */
    static ModelHostingArgs hostingArgs(StackConfig config, String modelPackageArn, ToolingExports tooling,
                                        Output<StageExports> environment) {
        HostingConfig hosting = config.requireHosting();
        TargetEnvironment.Stage stage = hosting.stage();
        Output<String> product = tooling.product().productName();
        return ModelHostingArgs.builder()
                .productName(product)
                .stage(stage.id())
                .modelPackageArn(modelPackageArn)
                .executionRoleArn(environment.applyValue(e -> e.roles().executionRoleArn()))
                .kmsKeyArn(tooling.store().kmsKeyArn())
                .endpoint(EndpointSettings.of(hosting))
                .network(environment.applyValue(e -> new ModelNetwork(e.enableNetworkIsolation(),
                        e.network().subnetIds(), e.network().securityGroupIds())))
                .dataCapture(Output.tuple(environment, tooling.store().modelBucketName()).applyValue(t ->
                        Optional.of(DataCapture.ofStage(t.t2, stage)).filter(capture -> t.t1.enableDataCapture())))
                .servedEndpointConfigName(hosting.servedEndpointConfigName())
                .tags(product.applyValue(name -> Tags.of(name, config.tier().name().toLowerCase(Locale.ROOT),
                        stage.id(), name, Optional.empty(), Optional.empty()).asMap()))
                .build();
    }

    /** The endpoint's volumes and data capture are encrypted with the tooling key, which KMS serves in its region. */
    static StageExports inToolingRegion(StageExports environment, String toolingRegion, TargetEnvironment.Stage stage) {
        if (!environment.region().equals(toolingRegion)) {
            throw new IllegalStateException("the " + stage.id() + " environment is in " + environment.region()
                    + " but the tooling key and bucket are in " + toolingRegion + ": SageMaker encrypts an "
                    + "endpoint's storage and data capture only with a key of the endpoint's region");
        }
        return environment;
    }

    /** The stage's account and region, entered through its deploy role with the external ID; nowhere else. */
    static Provider stageProvider(TargetEnvironment.Stage stage, Output<StageExports> environment) {
        return new Provider("aws-" + stage.id(), ProviderArgs.builder()
                .region(environment.applyValue(StageExports::region))
                .allowedAccountIds(environment.applyValue(e -> List.of(e.accountId())))
                .assumeRole(environment.applyValue(e -> ProviderAssumeRoleArgs.builder()
                        .roleArn(e.roles().deployRoleArn())
                        .externalId(e.roles().externalId())
                        .sessionName(sessionName(stage))
                        .build()))
                .build());
    }

    static String sessionName(TargetEnvironment.Stage stage) {
        return "sagemaker-mlops-" + stage.id();
    }
}
