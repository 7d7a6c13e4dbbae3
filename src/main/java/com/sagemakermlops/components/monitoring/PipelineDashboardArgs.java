package com.sagemakermlops.components.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link PipelineDashboard}. No tags: CloudWatch dashboards take none.
 *
 * @param pipelineNames     the CodePipeline pipelines to show (training, deploy)
 * @param projectNames      the CodeBuild projects to show, one row each
 * @param approvalRuleName  the EventBridge rule that starts the deploy pipeline on approval, when there is one
 * @param monitoredStages   the stages whose endpoints' data quality is monitored (none by default)
 */
public record PipelineDashboardArgs(
        Naming naming,
        String region,
        List<Output<String>> pipelineNames,
        List<Output<String>> projectNames,
        Optional<Output<String>> approvalRuleName,
        List<MonitoredStage> monitoredStages) {

    /** A monitored stage: its account and region; the product name names its schedule and alert rules. */
    public record MonitoredStage(TargetEnvironment.Stage stage, String accountId, String region, String productName) {
    }

    public PipelineDashboardArgs {
        pipelineNames = List.copyOf(pipelineNames);
        projectNames = List.copyOf(projectNames);
        monitoredStages = List.copyOf(monitoredStages);
    }

    public PipelineDashboardArgs(Naming naming, String region, List<Output<String>> pipelineNames,
                                 List<Output<String>> projectNames, Optional<Output<String>> approvalRuleName) {
        this(naming, region, pipelineNames, projectNames, approvalRuleName, List.of());
    }
}
