package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.sagemakermlops.config.TargetEnvironment;

/**
 * What a hosting stack reads from the tooling stack: the product, the tooling region, key and bucket, and the
 * per-stage environments. The tooling stack is the single source of truth for all of them.
 */
public record ToolingOutputs(
        Output<String> productName,
        Output<String> region,
        Output<String> kmsKeyArn,
        Output<String> modelBucketName,
        Output<Object> environments) {

    /** The outputs of the referenced tooling stack; a missing output fails the run rather than deploying blind. */
    public static ToolingOutputs read(StackReference tooling) {
        return new ToolingOutputs(
                string(tooling, ToolingOutputNames.PRODUCT_NAME),
                string(tooling, ToolingOutputNames.REGION),
                string(tooling, ToolingOutputNames.KMS_KEY_ARN),
                string(tooling, ToolingOutputNames.MODEL_BUCKET_NAME),
                tooling.requireOutput(ToolingOutputNames.ENVIRONMENTS).applyValue(value -> (Object) value));
    }

    /** The {@code stage} entry of {@code environments}. */
    public Output<StageEnvironment> environment(TargetEnvironment.Stage stage) {
        return environments.applyValue(all -> StageEnvironment.fromOutput(stage, all));
    }

    private static Output<String> string(StackReference tooling, String name) {
        return tooling.requireOutput(name).applyValue(String::valueOf);
    }
}
