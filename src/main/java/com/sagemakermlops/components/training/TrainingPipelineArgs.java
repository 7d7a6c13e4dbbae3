package com.sagemakermlops.components.training;

import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.TrainingConfig;

import java.util.Objects;

/**
 * The inputs of {@link TrainingPipeline}.
 *
 * @param training         the MDAA {@code training} block (seed code, build policies, dev VPC, job settings); required
 * @param product          names, tags, tooling account, tier and role boundary; required
 * @param store            the key, bucket and registry the pipeline reads and writes; required
 * @param source           where the model-build code lives; required
 * @param logRetentionDays retention of the training build's log group, in days; required (the stack passes
 *                         {@code security.logRetentionDays}, default 90)
 */
public record TrainingPipelineArgs(
        TrainingConfig training,
        ProductContext product,
        ModelStoreRef store,
        SourceSettings source,
        int logRetentionDays) {

    public TrainingPipelineArgs {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(source, "source");
    }
}
