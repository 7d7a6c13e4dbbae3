package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.NetworkInterfaceAccess;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.store.Grantee;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.store.StoreAccess;
import com.sagemakermlops.components.store.RegistryPolicy;
import com.sagemakermlops.config.VpcSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity permissions of each training role, scoped to this product's resources. Each role's access to the
 * store's bucket and key is declared once, in {@link #storeAccess}: the key policy names the role from there.
 */
final class RolePermissions {
    static final String SAGEMAKER_SERVICE = ServiceTrust.SAGEMAKER.principal();
    /** The AWS images the seed pipeline's jobs run (seed-code/model-build/pipelines/images.py). */
    static final List<String> SAGEMAKER_IMAGES = List.of("sagemaker-xgboost", "sagemaker-scikit-learn",
            "sagemaker-model-monitor-analyzer");

    private RolePermissions() {
    }

    /** What each training role may do with the store's bucket and key. */
    record StoreAccesses(StoreAccess sagemaker, StoreAccess build, StoreAccess pipeline) {
    }

    /**
     * The SageMaker jobs read and write the pipeline's data and encrypt their volumes with the key; the build reads
     * its input artifact and uploads the pipeline's inputs; the pipeline moves its artifacts.
     */
    static StoreAccesses storeAccess(ModelStoreRef store, TrainingNames names, Grantee sagemaker, Grantee build,
                                     Grantee pipeline) {
        String data = names.pipelineDataPrefix() + "/";
        String artifacts = names.artifactPrefix() + "/";
        return new StoreAccesses(
                store.grantReadWrite(sagemaker, "PipelineData", data)
                        .and(store.grantList(sagemaker, "PipelineData", data))
                        .and(store.grantKeyForAwsResources(sagemaker)),
                store.grantReadVersions(build, "PipelineArtifacts", artifacts)
                        .and(store.grantBucketLookup(build, "ArtifactBucket", "s3:GetBucketAcl",
                                "s3:GetBucketLocation"))
                        .and(store.grantWrite(build, "PipelineInputs", data)),
                store.grantReadVersions(pipeline, "PipelineArtifacts", artifacts)
                        .and(store.grantWrite(pipeline, "PipelineArtifacts", artifacts))
                        .and(store.grantBucketLookup(pipeline, "ArtifactStore", "s3:GetBucketLocation",
                                "s3:GetBucketVersioning")));
    }

    /** What the SageMaker pipeline and its processing, training and registration steps do. */
    static List<Statement> sagemaker(Arns arns, TrainingNames names, StoreAccess store,
                                     Optional<VpcSettings> vpc) {
        List<Statement> statements = new ArrayList<>(store.statements());
        statements.addAll(List.of(
                Statement.allow("RunPipelineJobs", "sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob",
                                "sagemaker:StopProcessingJob", "sagemaker:CreateTrainingJob",
                                "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:AddTags")
                        .on(arns.regional("sagemaker", "processing-job/pipelines-*"),
                                arns.regional("sagemaker", "training-job/pipelines-*")),
                Statement.allow("RegisterModelVersions", "sagemaker:CreateModelPackage",
                                "sagemaker:DescribeModelPackage", "sagemaker:DescribeModelPackageGroup")
                        .on(RegistryPolicy.group(arns, names.modelPackageGroup()),
                                RegistryPolicy.modelPackages(arns, names.modelPackageGroup())),
                Statement.allow("PassRoleToPipelineJobs", "iam:PassRole").on(arns.role(names.sagemakerRole()))
                        .when("StringEquals", "iam:PassedToService", SAGEMAKER_SERVICE),
                Statement.allow("PullFrameworkImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchCheckLayerAvailability")
                        .on(SAGEMAKER_IMAGES.stream().map(image -> Output.of(Arns.of(arns.partition(), "ecr",
                                arns.region(), "*", "repository/" + image))).toList()),
                Statement.allow("GetRegistryToken", "ecr:GetAuthorizationToken")
                        .onAnyResourceBecause("ecr:GetAuthorizationToken has no resource-level permissions"),
                Statement.allow("WriteJobLogs", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .on(arns.regional("logs", "log-group:/aws/sagemaker/ProcessingJobs:*"),
                                arns.regional("logs", "log-group:/aws/sagemaker/TrainingJobs:*")),
                Statement.allow("PutJobMetrics", "cloudwatch:PutMetricData")
                        .onAnyResourceBecause("cloudwatch:PutMetricData has no resource-level permissions")
                        .when("StringLike", "cloudwatch:namespace", "/aws/sagemaker/*")));
        vpc.ifPresent(v -> statements.addAll(NetworkInterfaceAccess.forSageMaker(arns, v)));
        return statements;
    }

    /** What the training build does: read its input, upload pipeline inputs, upsert and run the SageMaker pipeline. */
    static List<Statement> build(Arns arns, TrainingNames names, StoreAccess store,
                                 Output<String> logGroupArn, Optional<VpcSettings> vpc) {
        Output<String> pipeline = arns.regional("sagemaker",
                Arns.sagemakerResource("pipeline", names.sagemakerPipeline()));
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("WriteBuildLogs", "logs:CreateLogStream", "logs:PutLogEvents")
                        .on(logGroupArn.applyValue(arn -> arn + ":*"))));
        statements.addAll(store.statements());
        statements.addAll(List.of(
                Statement.allow("UpsertAndStartPipeline", "sagemaker:CreatePipeline", "sagemaker:UpdatePipeline",
                                "sagemaker:DescribePipeline", "sagemaker:StartPipelineExecution", "sagemaker:AddTags")
                        .on(pipeline),
                Statement.allow("FollowPipelineExecutions", "sagemaker:DescribePipelineExecution",
                                "sagemaker:ListPipelineExecutionSteps")
                        .on(pipeline.applyValue(arn -> arn + "/execution/*")),
                Statement.allow("PassSageMakerExecutionRole", "iam:PassRole").on(arns.role(names.sagemakerRole()))
                        .when("StringEquals", "iam:PassedToService", SAGEMAKER_SERVICE),
                Statement.allow("ReadModelRegistry", "sagemaker:DescribeModelPackageGroup",
                                "sagemaker:DescribeModelPackage")
                        .on(RegistryPolicy.group(arns, names.modelPackageGroup()),
                                RegistryPolicy.modelPackages(arns, names.modelPackageGroup())),
                Statement.allow("ListModelVersions", "sagemaker:ListModelPackages")
                        .onAnyResourceBecause("sagemaker:ListModelPackages has no resource-level permissions")));
        vpc.ifPresent(v -> statements.addAll(NetworkInterfaceAccess.forCodeBuild(arns, v)));
        return statements;
    }

    /** What the pipeline does: run its source action, start its build, move artifacts. */
    static List<Statement> pipeline(StoreAccess store, Output<String> projectArn, PipelineSource source) {
        List<Statement> statements = new ArrayList<>(source.pipelineAccess());
        statements.add(Statement.allow("RunTrainingBuild", "codebuild:StartBuild", "codebuild:BatchGetBuilds")
                .on(projectArn));
        statements.addAll(store.statements());
        return statements;
    }
}
