package com.sagemakermlops.components.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;

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
 */
public record PipelineDashboardArgs(
        ProductContext product,
        List<Output<String>> pipelineNames,
        List<Output<String>> projectNames,
        Optional<Output<String>> approvalRuleName) {

    public PipelineDashboardArgs {
        Objects.requireNonNull(product, "product");
        pipelineNames = List.copyOf(pipelineNames);
        projectNames = List.copyOf(projectNames);
    }
}
