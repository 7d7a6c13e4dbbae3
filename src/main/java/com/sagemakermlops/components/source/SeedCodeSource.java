package com.sagemakermlops.components.source;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * A pipeline source made from seed code.
 *
 * @param source        the source contract (location, action, role statements)
 * @param buildspec     the buildspec path of this pipeline's CodeBuild projects, relative to the source root
 * @param changeEvents  the EventBridge pattern of changes that should start the pipeline, when the action does not
 *                      start it itself (CodeCommit and S3 sources; CodeStar actions detect pushes themselves)
 */
public record SeedCodeSource(PipelineSource source, String buildspec, Optional<Output<String>> changeEvents) {
}
