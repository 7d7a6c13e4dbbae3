package com.sagemakermlops.stacks;

import com.pulumi.core.Output;
import com.sagemakermlops.components.deploy.DeployPipeline;
import com.sagemakermlops.components.monitoring.PipelineDashboard;
import com.sagemakermlops.components.monitoring.PipelineDashboardArgs;
import com.sagemakermlops.components.network.PrivateNetworking;
import com.sagemakermlops.components.network.PrivateNetworkingArgs;
import com.sagemakermlops.components.security.SecurityMonitoring;
import com.sagemakermlops.components.security.SecurityMonitoringArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.training.TrainingPipeline;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tier's extras, each its own component publishing its own SSM parameters: the pipeline dashboard (Professional
 * and up), security monitoring and, with a {@code network} block, private networking (Enterprise).
 */
final class TierExtras {
    private TierExtras() {
    }

    static void define(ToolingPlan plan, ModelStoreRef store, TrainingPipeline training, DeployPipeline deploy,
                       Optional<Output<String>> boundary) {
        if (plan.professional()) {
            List<Output<String>> projects = new ArrayList<>(List.of(training.buildProjectName()));
            projects.addAll(deploy.projectNames().values());
            new PipelineDashboard("dashboard", new PipelineDashboardArgs(plan.product(boundary),
                    List.of(training.pipelineName(), deploy.pipelineName()), projects, deploy.eventRuleName()), null);
        }
        if (plan.enterprise()) {
            new SecurityMonitoring("security", new SecurityMonitoringArgs(plan.product(boundary),
                    plan.config().security(), store, true), null);
            plan.config().network().ifPresent(network -> new PrivateNetworking("network",
                    new PrivateNetworkingArgs(plan.product(boundary), plan.deploy().environments().stream()
                            .map(TargetEnvironment::accountId).toList(), network, deploy.secretsKeyArn()), null));
        }
    }
}
