package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.sagemakermlops.components.deploy.DeployPipeline;
import com.sagemakermlops.components.hosting.ToolingOutputNames;
import com.sagemakermlops.components.security.PermissionBoundary;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.training.TrainingPipeline;
import com.sagemakermlops.config.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tooling account, as a table of contents: the shared store (key, bucket, registry), both pipelines, the roles in
 * the target accounts, the tier's extras, and the outputs the hosting stacks read. What goes where is decided by
 * {@link ToolingPlan}; every resource belongs to a component.
 */
final class ToolingStack {
    private ToolingStack() {
    }

    static void define(Context ctx, StackConfig configured) {
        ToolingPlan plan = ToolingPlan.of(configured);
        if (plan.singleAccount()) {
            ctx.log().info("deploy: no preProdEnvironment or prodEnvironment configured: the deploy pipeline "
                    + "deploys to one preprod stage in this account (single-account mode)");
        }
        Optional<Output<String>> boundary = plan.enterprise()
                ? Optional.of(new PermissionBoundary("permission-boundary", plan.boundaryArgs(), null).policyArn())
                : Optional.empty();
        var store = new ModelStore("store", plan.storeArgs(), null);
        var training = new TrainingPipeline("training", plan.trainingArgs(store.ref(), boundary), null);
        var deploy = new DeployPipeline("deploy", plan.deployArgs(store.ref(), boundary), null);
        Map<String, Output<Map<String, Object>>> environments = TargetStages.define(plan, store.ref(), deploy);
        TierExtras.define(plan, store.ref(), training, deploy, boundary);
        store.completeKeyPolicy();
        exportOutputs(ctx, plan, store.ref(), training, deploy, environments);
    }

    private static void exportOutputs(Context ctx, ToolingPlan plan, ModelStoreRef store, TrainingPipeline training,
                                      DeployPipeline deploy, Map<String, Output<Map<String, Object>>> environments) {
        ctx.export(ToolingOutputNames.PRODUCT_NAME, Output.of(plan.naming().productName()));
        ctx.export(ToolingOutputNames.PARTITION, Output.of(plan.scope().partition()));
        ctx.export(ToolingOutputNames.TOOLING_ACCOUNT_ID, Output.of(plan.scope().accountId()));
        ctx.export(ToolingOutputNames.REGION, Output.of(plan.scope().region()));
        ctx.export(ToolingOutputNames.KMS_KEY_ARN, store.keyArn());
        ctx.export(ToolingOutputNames.MODEL_BUCKET_NAME, store.bucketName());
        ctx.export(ToolingOutputNames.MODEL_BUCKET_ARN, store.bucketArn());
        ctx.export(ToolingOutputNames.MODEL_PACKAGE_GROUP_NAME, store.createdRegistryName());
        ctx.export(ToolingOutputNames.MODEL_PACKAGE_GROUP_ARN, store.registryArn());
        ctx.export(ToolingOutputNames.ENVIRONMENTS, Output.all(environments.entrySet().stream()
                        .map(e -> e.getValue().applyValue(v -> Map.entry(e.getKey(), v))).toList())
                .applyValue(entries -> {
                    Map<String, Object> all = new LinkedHashMap<>();
                    entries.forEach(entry -> all.put(entry.getKey(), entry.getValue()));
                    return all;
                }));
        ctx.export("trainingPipelineName", training.pipelineName());
        ctx.export("repositoryUrl", training.repositoryUrl());
        ctx.export("deployPipelineName", deploy.pipelineName());
        ctx.export("stateBackendUrl", deploy.backendUrl());
        ctx.export("secretsProvider", deploy.secretsProvider());
    }
}
