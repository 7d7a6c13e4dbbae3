package com.sagemakermlops.components.hosting;

import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationDataCaptureConfigArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationDataCaptureConfigCaptureOptionArgs;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Objects;

/**
 * Where an endpoint's requests and responses are captured: every one of them, encrypted with the endpoint's key.
 * The platform captures into the tooling bucket under the stage's own prefix (which is all the stage's execution
 * role may write).
 *
 * @param bucketName the bucket the captures go to
 * @param prefix     the key prefix of the captures, ending in {@code /}
 */
public record DataCapture(String bucketName, String prefix) {
    public DataCapture {
        Objects.requireNonNull(bucketName, "bucketName");
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix: expected a key prefix ending in /, got \"" + prefix + "\"");
        }
    }

    /** The key prefix of a stage's captures in the tooling bucket: {@code data-capture/<stage>/}. */
    public static String prefix(TargetEnvironment.Stage stage) {
        return "data-capture/" + stage.id() + "/";
    }

    /** A stage's captures in the tooling bucket. */
    public static DataCapture ofStage(String bucketName, TargetEnvironment.Stage stage) {
        return new DataCapture(bucketName, prefix(stage));
    }

    /** Where the captures go: {@code s3://<bucket>/<prefix>}. */
    public String destination() {
        return "s3://" + bucketName + "/" + prefix;
    }

    EndpointConfigurationDataCaptureConfigArgs config(String kmsKeyArn) {
        return EndpointConfigurationDataCaptureConfigArgs.builder()
                .enableCapture(true)
                .initialSamplingPercentage(100)
                .destinationS3Uri(destination())
                .kmsKeyId(kmsKeyArn)
                .captureOptions(
                        EndpointConfigurationDataCaptureConfigCaptureOptionArgs.builder().captureMode("Input").build(),
                        EndpointConfigurationDataCaptureConfigCaptureOptionArgs.builder().captureMode("Output").build())
                .build();
    }
}
