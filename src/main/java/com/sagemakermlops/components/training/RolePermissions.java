package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.NetworkInterfaceAccess;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.store.RegistryPolicy;
import com.sagemakermlops.config.VpcSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity permissions of each training role, scoped to this product's resources. Key use is granted by the key
 * policy: {@link TrainingPipeline} declares each role's key grant where it creates the role.
 */
final class RolePermissions {
    static final String SAGEMAKER_SERVICE = ServiceTrust.SAGEMAKER.principal();
    /** The AWS images the seed pipeline's jobs run (seed-code/model-build/pipelines/images.py). */
    static final List<String> SAGEMAKER_IMAGES = List.of("sagemaker-xgboost", "sagemaker-scikit-learn",
            "sagemaker-model-monitor-analyzer");

    private RolePermissions() {
    }

    /** What the SageMaker pipeline and its processing, training and registration steps do. */
    static List<Statement> sagemaker(Arns arns, TrainingNames names, ModelStoreRef store,
                                     Optional<VpcSettings> vpc) {
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("ReadWritePipelineData", "s3:GetObject", "s3:PutObject")
                        .on(store.objects(names.pipelineDataPrefix() + "/")),
                Statement.allow("ListPipelineData", "s3:ListBucket").on(store.bucketArn())
                        .when("StringLike", "s3:prefix", names.pipelineDataPrefix() + "/*"),
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
    static List<Statement> build(Arns arns, TrainingNames names, ModelStoreRef store,
                                 Output<String> logGroupArn, Optional<VpcSettings> vpc) {
        Output<String> pipeline = arns.regional("sagemaker",
                Arns.sagemakerResource("pipeline", names.sagemakerPipeline()));
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("WriteBuildLogs", "logs:CreateLogStream", "logs:PutLogEvents")
                        .on(logGroupArn.applyValue(arn -> arn + ":*")),
                Statement.allow("ReadPipelineArtifacts", "s3:GetObject", "s3:GetObjectVersion")
                        .on(store.objects(names.artifactPrefix() + "/")),
                Statement.allow("LocateArtifactBucket", "s3:GetBucketAcl", "s3:GetBucketLocation")
                        .on(store.bucketArn()),
                Statement.allow("UploadPipelineInputs", "s3:PutObject")
                        .on(store.objects(names.pipelineDataPrefix() + "/")),
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
    static List<Statement> pipeline(TrainingNames names, ModelStoreRef store, Output<String> projectArn,
                                    PipelineSource source) {
        List<Statement> statements = new ArrayList<>(source.pipelineAccess());
        statements.add(Statement.allow("RunTrainingBuild", "codebuild:StartBuild", "codebuild:BatchGetBuilds")
                .on(projectArn));
        statements.add(Statement.allow("ReadWritePipelineArtifacts", "s3:GetObject", "s3:GetObjectVersion",
                        "s3:PutObject")
                .on(store.objects(names.artifactPrefix() + "/")));
        statements.add(Statement.allow("LocateArtifactStore", "s3:GetBucketLocation", "s3:GetBucketVersioning")
                .on(store.bucketArn()));
        return statements;
    }
}
