package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.sagemakermlops.components.deploy.DeployPipeline;
import com.sagemakermlops.components.security.PermissionBoundary;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.training.TrainingPipeline;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.contract.OperatorExports;
import com.sagemakermlops.contract.ProductExports;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.contract.StoreExports;
import com.sagemakermlops.contract.ToolingExports;

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
        Map<Stage, Output<StageExports>> environments = TargetStages.define(plan, store.ref(), deploy);
        TierExtras.define(plan, store.ref(), training, deploy, boundary);
        store.completeKeyPolicy();
        exportOutputs(ctx, plan, store.ref(), training, deploy, environments);
    }

    /** The contract the hosting stacks read, and what operators read. */
    private static void exportOutputs(Context ctx, ToolingPlan plan, ModelStoreRef store, TrainingPipeline training,
                                      DeployPipeline deploy, Map<Stage, Output<StageExports>> environments) {
        new ToolingExports(
                new ProductExports(Output.of(plan.naming().productName()), Output.of(plan.scope().partition()),
                        Output.of(plan.scope().accountId()), Output.of(plan.scope().region())),
                new StoreExports(store.keyArn(), store.bucketName(), store.bucketArn(), store.createdRegistryName(),
                        store.registryArn()),
                ToolingExports.environments(environments))
                .exportTo(ctx);
        new OperatorExports(training.pipelineName(), training.repositoryUrl(), deploy.pipelineName(),
                deploy.backendUrl(), deploy.secretsProvider())
                .exportTo(ctx);
    }
}
