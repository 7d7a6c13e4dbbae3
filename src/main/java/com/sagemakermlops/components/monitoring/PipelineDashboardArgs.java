package com.sagemakermlops.components.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link PipelineDashboard}. No tags: CloudWatch dashboards take none.
 *
 * @param pipelineNames     the CodePipeline pipelines to show (training, deploy)
 * @param projectNames      the CodeBuild projects to show, one row each
 * @param approvalRuleName  the EventBridge rule that starts the deploy pipeline on approval, when there is one
 */
public record PipelineDashboardArgs(
        Naming naming,
        String region,
        List<Output<String>> pipelineNames,
        List<Output<String>> projectNames,
        Optional<Output<String>> approvalRuleName) {

    public PipelineDashboardArgs {
        pipelineNames = List.copyOf(pipelineNames);
        projectNames = List.copyOf(projectNames);
    }
}
