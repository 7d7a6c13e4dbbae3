package com.sagemakermlops.components.storage;

import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.naming.Naming;

/** CodePipeline artifact stores of the product. */
public final class ArtifactStores {
    private ArtifactStores() {
    }

    /**
     * The folder of the artifact store holding {@code pipelineName}'s artifacts: its first
     * {@value Naming#PIPELINE_FOLDER_LENGTH} characters.
     */
    public static String folderOf(String pipelineName) {
        return pipelineName.substring(0, Math.min(pipelineName.length(), Naming.PIPELINE_FOLDER_LENGTH));
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
