package com.sagemakermlops.components.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link PipelineDashboard}. CloudWatch dashboards take no tags (the product's tags go on its SSM
 * parameter).
 *
 * @param product          names and region; required
 * @param pipelineNames    the CodePipeline pipelines to show (training, deploy); required
 * @param projectNames     the CodeBuild projects to show, one row each; required
 * @param approvalRuleName the EventBridge rule that starts the deploy pipeline on approval; default none
 * @param monitoredStages  the stages whose endpoints' data quality is monitored; default none
 */
public record PipelineDashboardArgs(
        ProductContext product,
        List<Output<String>> pipelineNames,
        List<Output<String>> projectNames,
        Optional<Output<String>> approvalRuleName,
        List<MonitoredStage> monitoredStages) {

    /** A monitored stage: its account and region; the product name names its schedule and alert rules. */
    public record MonitoredStage(TargetEnvironment.Stage stage, String accountId, String region, String productName) {
    }

    public PipelineDashboardArgs {
        Objects.requireNonNull(product, "product");
        pipelineNames = List.copyOf(pipelineNames);
        projectNames = List.copyOf(projectNames);
        monitoredStages = List.copyOf(monitoredStages);
    }

    public PipelineDashboardArgs(ProductContext product, List<Output<String>> pipelineNames,
                                 List<Output<String>> projectNames, Optional<Output<String>> approvalRuleName) {
        this(product, pipelineNames, projectNames, approvalRuleName, List.of());
    }
}
