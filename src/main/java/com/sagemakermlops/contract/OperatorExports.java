package com.sagemakermlops.contract;

import com.pulumi.Context;
import com.pulumi.core.Output;

/**
 * What the tooling stack exports for its operators ({@code pulumi stack output NAME --stack dev}): the pipelines to
 * start and watch, the repository to push to, and the state backend the hosting stacks live in.
 *
 * @param trainingPipelineName the training pipeline
 * @param repositoryUrl        where the model-build source is: the repository's clone URL, the S3 source's
 *                             location, or the connected repository
 * @param deployPipelineName   the deploy pipeline
 * @param stateBackendUrl      the {@code pulumi login} URL of the hosting stacks' state
 * @param secretsProvider      the {@code --secrets-provider} of the hosting stacks
 */
public record OperatorExports(Output<String> trainingPipelineName, Output<String> repositoryUrl,
                              Output<String> deployPipelineName, Output<String> stateBackendUrl,
                              Output<String> secretsProvider) {

    /** Exports every output of this record from the tooling stack. */
    public void exportTo(Context ctx) {
        ExportCodec.write(this, ctx::export);
    }
}
