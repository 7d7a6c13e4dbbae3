package com.sagemakermlops.components.source;

import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;

/**
 * Where a pipeline's code comes from, whatever the source control: the repository (or prefix) the seed code was
 * put in, the CodePipeline source action reading it into the artifact {@code outputArtifact}, and the least
 * statements a pipeline role needs for that action.
 *
 * @param location        clone URL, {@code s3://} URI or provider repository id, for SSM and outputs
 * @param action          the CodePipeline source action (its output artifact is {@link #OUTPUT_ARTIFACT})
 * @param pipelineAccess  statements the pipeline role needs to run the action
 */
public record PipelineSource(
        Output<String> location,
        PipelineStageActionArgs action,
        List<Statement> pipelineAccess) {

    public static final String OUTPUT_ARTIFACT = "SourceOutput";

    public PipelineSource {
        pipelineAccess = List.copyOf(pipelineAccess);
    }
}
