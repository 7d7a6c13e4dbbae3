package com.sagemakermlops.components.hosting;

import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationDataCaptureConfigArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationDataCaptureConfigCaptureOptionArgs;
import com.sagemakermlops.config.TargetEnvironment;

/**
 * Where and how an endpoint's requests and responses are captured: every one of them, encrypted with the tooling
 * CMK, into the tooling bucket under the stage's own prefix (which is all the stage's execution role may write).
 */
public final class DataCapture {
    private DataCapture() {
    }

    /** The key prefix of the stage's captures in the tooling bucket: {@code data-capture/<stage>/}. */
    public static String prefix(TargetEnvironment.Stage stage) {
        return "data-capture/" + stage.id() + "/";
    }

    /** Where the stage's captures go: {@code s3://<bucket>/data-capture/<stage>/}. */
    public static String destination(String bucketName, TargetEnvironment.Stage stage) {
        return "s3://" + bucketName + "/" + prefix(stage);
    }

    public static EndpointConfigurationDataCaptureConfigArgs config(String bucketName, String kmsKeyArn,
                                                                   TargetEnvironment.Stage stage) {
        return EndpointConfigurationDataCaptureConfigArgs.builder()
                .enableCapture(true)
                .initialSamplingPercentage(100)
                .destinationS3Uri(destination(bucketName, stage))
                .kmsKeyId(kmsKeyArn)
                .captureOptions(
                        EndpointConfigurationDataCaptureConfigCaptureOptionArgs.builder().captureMode("Input").build(),
                        EndpointConfigurationDataCaptureConfigCaptureOptionArgs.builder().captureMode("Output").build())
                .build();
    }
}
