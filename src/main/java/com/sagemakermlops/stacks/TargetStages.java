package com.sagemakermlops.stacks;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ConfigOutput;
import com.sagemakermlops.components.bootstrap.CrossAccountBootstrap;
import com.sagemakermlops.components.bootstrap.CrossAccountBootstrapArgs;
import com.sagemakermlops.components.deploy.DeployPipeline;
import com.sagemakermlops.components.deploy.DeployRoles;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.contract.StageRoles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stages the deploy pipeline deploys to, as the hosting stacks read them: each with its deploy role, execution
 * role and external ID. A stage the program can reach ({@link ToolingPlan#bootstraps}) gets its roles from a
 * {@link CrossAccountBootstrap}; otherwise they are expected under their documented names.
 */
final class TargetStages {
    private TargetStages() {
    }

    /** The exported environment of each configured stage. */
    static Map<TargetEnvironment.Stage, Output<StageExports>> define(ToolingPlan plan, ModelStoreRef store,
                                                                     DeployPipeline deploy) {
        DeployConfig config = plan.deploy();
        Map<TargetEnvironment.Stage, Output<StageExports>> environments = new LinkedHashMap<>();
        for (TargetEnvironment environment : config.environments()) {
            Output<StageRoles> roles = plan.bootstraps(environment)
                    ? bootstrapped(plan, store, deploy, environment)
                    : documented(plan, environment);
            environments.put(environment.stage(), StageExports.of(environment, roles,
                    config.enableNetworkIsolation(), config.enableDataCapture()));
        }
        return environments;
    }

    private static Output<StageRoles> bootstrapped(ToolingPlan plan, ModelStoreRef store, DeployPipeline deploy,
                                      TargetEnvironment environment) {
        var bootstrap = new CrossAccountBootstrap("bootstrap-" + environment.stage().id(),
                new CrossAccountBootstrapArgs(environment, plan.product(Optional.empty()), store,
                        deploy.codeBuildRoleArns().get(environment.stage()), plan.deploy().operatorRoleArns()),
                null);
        return StageRoles.of(bootstrap.deployRoleArn(), bootstrap.executionRoleArn(), bootstrap.externalId());
    }

    private static Output<StageRoles> documented(ToolingPlan plan, TargetEnvironment environment) {
        String partition = plan.scope().partition();
        return StageRoles.of(Output.of(DeployRoles.deployRoleArn(partition, plan.naming(), environment)),
                Output.of(DeployRoles.executionRoleArn(partition, plan.naming(), environment)),
                ConfigOutput.of(DeployRoles.externalId(environment, plan.naming()), environment.externalIdSecret()));
    }
}
