package com.sagemakermlops.components.training;

import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.Locale;

/** The physical names of the training side, all derived from the product. */
record TrainingNames(
        String keyAlias,
        String bucket,
        String modelPackageGroup,
        String sagemakerPipeline,
        String buildProject,
        String buildLogGroup,
        String pipeline,
        String sagemakerRole,
        String buildRole,
        String pipelineRole,
        String startRule,
        String startRole) {

    static TrainingNames of(Naming naming, DeployConfig deploy) {
        String project = naming.physical(PhysicalName.CODEBUILD, "training-build");
        return new TrainingNames(
                naming.keyAlias(),
                deploy.modelBucketName().orElse(naming.physical(PhysicalName.S3_BUCKET, "models")),
                deploy.modelPackageGroupName().orElse(naming.physical(PhysicalName.SAGEMAKER, "models")),
                naming.physical(PhysicalName.SAGEMAKER, "model-build"),
                project,
                "/aws/codebuild/" + project,
                naming.pipeline("training"),
                naming.physical(PhysicalName.IAM_ROLE, "train-sm"),
                naming.physical(PhysicalName.IAM_ROLE, "train-build"),
                naming.physical(PhysicalName.IAM_ROLE, "train-pipe"),
                naming.physical(PhysicalName.EVENT_RULE, "training-source-change"),
                naming.physical(PhysicalName.IAM_ROLE, "train-start"));
    }

    /** The folder of the bucket holding this pipeline's CodePipeline artifacts. */
    String artifactPrefix() {
        return ArtifactStores.folderOf(pipeline);
    }

    /** The folder of the bucket the build and the SageMaker pipeline write data, code and model artifacts to. */
    String pipelineDataPrefix() {
        return "pipelines/" + sagemakerPipeline;
    }

    /** SageMaker ARNs use lower-case names. */
    static String sagemakerResource(String type, String name) {
        return type + "/" + name.toLowerCase(Locale.ROOT);
    }
}
