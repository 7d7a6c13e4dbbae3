package com.sagemakermlops.components.storage;

import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.core.Output;

/** CodePipeline artifact stores of the product. */
public final class ArtifactStores {
    private ArtifactStores() {
    }

    /** Artifacts in {@code bucketName}, encrypted with the product key rather than the AWS-managed S3 key. */
    public static PipelineArtifactStoreArgs encrypted(Output<String> bucketName, Output<String> keyArn) {
        return PipelineArtifactStoreArgs.builder()
                .type("S3")
                .location(bucketName)
                .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder()
                        .type("KMS")
                        .id(keyArn)
                        .build())
                .build();
    }
}
