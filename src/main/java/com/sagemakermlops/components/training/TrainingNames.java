package com.sagemakermlops.components.training;

import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

/** The physical names of the training side, all derived from the product and its registry. */
record TrainingNames(
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

    static TrainingNames of(Naming naming, String modelPackageGroup) {
        String project = naming.physical(PhysicalName.CODEBUILD, "training-build");
        return new TrainingNames(
                modelPackageGroup,
                sagemakerPipeline(naming),
                project,
                "/aws/codebuild/" + project,
                naming.pipeline("training"),
                naming.physical(PhysicalName.IAM_ROLE, "train-sm"),
                naming.physical(PhysicalName.IAM_ROLE, "train-build"),
                naming.physical(PhysicalName.IAM_ROLE, "train-pipe"),
                naming.physical(PhysicalName.EVENT_RULE, "training-source-change"),
                naming.physical(PhysicalName.IAM_ROLE, "train-start"));
    }

    /** The SageMaker pipeline the training build upserts and starts. */
    static String sagemakerPipeline(Naming naming) {
        return naming.physical(PhysicalName.SAGEMAKER, "model-build");
    }

    /**
     * The folder of the bucket the build and the SageMaker pipeline write data, code and model artifacts to: the
     * store's model artifacts folder.
     */
    static String pipelineDataPrefix(Naming naming) {
        return of(naming, "").pipelineDataPrefix();
    }

    /** The folder of the bucket holding this pipeline's CodePipeline artifacts. */
    String artifactPrefix() {
        return ArtifactStores.folderOf(pipeline);
    }

    String pipelineDataPrefix() {
        return "pipelines/" + sagemakerPipeline;
    }
}
