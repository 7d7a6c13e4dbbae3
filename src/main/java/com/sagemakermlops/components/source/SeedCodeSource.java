package com.sagemakermlops.components.source;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * A pipeline source made from seed code.
 *
 * @param source        the source contract (location, action, role statements, build inputs, trigger)
 * @param changeEvents  the EventBridge pattern of changes that should start the pipeline, when neither the action
 *                      nor a pipeline trigger starts it (CodeCommit and S3 sources)
 */
public record SeedCodeSource(PipelineSource source, Optional<Output<String>> changeEvents) {
}
