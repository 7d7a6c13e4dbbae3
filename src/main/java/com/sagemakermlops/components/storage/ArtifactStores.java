package com.sagemakermlops.components.storage;

import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.core.Output;

/** CodePipeline artifact stores of the product. */
public final class ArtifactStores {
    /** CodePipeline keeps a pipeline's artifacts under the first 20 characters of its name. */
    static final int FOLDER_LENGTH = 20;

    private ArtifactStores() {
    }

    /**
     * The folder of the artifact store holding {@code pipelineName}'s artifacts
     * (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts.html#concepts-artifacts).
     */
    public static String folderOf(String pipelineName) {
        return pipelineName.length() <= FOLDER_LENGTH ? pipelineName : pipelineName.substring(0, FOLDER_LENGTH);
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
