package com.sagemakermlops.components.source;

import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Optional;

/**
 * Where a pipeline's code comes from, whatever the source control: the repository (or prefix) the seed code was
 * put in, the CodePipeline source action reading it into the artifact {@code outputArtifact}, the least
 * statements a pipeline role needs for that action, what the pipeline's builds need to run from it, and the V2
 * pipeline trigger that starts the pipeline on its changes when the action does not.
 *
 * @param location        clone URL, {@code s3://} URI or provider repository id, for SSM and outputs
 * @param action          the CodePipeline source action (its output artifact is {@link #OUTPUT_ARTIFACT})
 * @param pipelineAccess  statements the pipeline role needs to run the action
 * @param build           what the pipeline's CodeBuild projects need to run from this source
 * @param trigger         the pipeline trigger (CodeStar: pushes to this pipeline's folder only)
 */
public record PipelineSource(
        Output<String> location,
        PipelineStageActionArgs action,
        List<Statement> pipelineAccess,
        SourceBuild build,
        Optional<PipelineTriggerArgs> trigger) {

    public static final String OUTPUT_ARTIFACT = "SourceOutput";

    public PipelineSource {
        pipelineAccess = List.copyOf(pipelineAccess);
    }

    /** {@code pipeline} with this source's trigger, when it has one (a V2 pipeline's only way to filter pushes). */
    public PipelineArgs.Builder triggering(PipelineArgs.Builder pipeline) {
        trigger.ifPresent(pipeline::triggers);
        return pipeline;
    }
}
