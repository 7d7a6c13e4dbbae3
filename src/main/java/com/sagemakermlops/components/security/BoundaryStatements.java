package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.BoundaryDenies;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.SeededRepository;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The permissions boundary of every role of a product: the most any role may do (explicit actions of the services
 * the platform uses, scoped to this product's names where the names are known), and what no role may do at all
 * (create IAM users or keys, shed or change the boundary, disable the CMK, open or unencrypt the product's buckets).
 * A managed policy bounds the roles of its own account: this one bounds the tooling account's roles (build, pipeline,
 * SageMaker execution, trigger, trail delivery and the deploy role that only assumes the stage roles); hosting
 * actions (endpoints, alarms, autoscaling) run under the stage accounts' roles and are not part of it.
 */
final class BoundaryStatements {
    private final Naming naming;
    private final String partition;
    private final String region;

    BoundaryStatements(Naming naming, String partition, String region) {
        this.naming = naming;
        this.partition = partition;
        this.region = region;
    }

    /**
     * @param seededRepositories whether the product's CodeCommit repositories are created by CloudFormation stacks,
     *                           whose service role this boundary bounds too
     */
    List<Statement> all(Output<String> boundaryArn, Optional<String> codeStarConnectionArn,
                        boolean seededRepositories, Optional<String> pulumiAccessTokenSecretArn) {
        // With Pulumi Cloud the stack creates no secrets key: the boundary admits and keeps the product key alone.
        String[] keyAliases = pulumiAccessTokenSecretArn.isPresent() ? new String[] {naming.keyAlias()}
                : new String[] {naming.keyAlias(), naming.secretsKeyAlias()};
        List<Statement> statements = new ArrayList<>(allows(keyAliases));
        if (seededRepositories) {
            statements.addAll(seededRepositoryStatements());
        }
        codeStarConnectionArn.ifPresent(connection -> statements.add(
                Statement.allow("UseSourceConnection", "codestar-connections:UseConnection",
                        "codeconnections:UseConnection").on(connection)));
        // The deploy builds log in to Pulumi Cloud with the token this secret holds.
        pulumiAccessTokenSecretArn.ifPresent(secret -> statements.add(
                Statement.allow("ReadPulumiAccessToken", "secretsmanager:GetSecretValue").on(secret)));
        statements.addAll(denies(boundaryArn, keyAliases));
        return statements;
    }

    /** @param keyAliases the aliases of the product's keys: the product key, and the secrets key when there is one */
    List<Statement> allows(String... keyAliases) {
        List<Statement> allows = new ArrayList<>(sageMakerWork());
        allows.addAll(productData(keyAliases));
        allows.addAll(productServices());
        return allows;
    }

    /** SageMaker's jobs and pipelines, the reads that accept only *, and the network interfaces of VPC mode. */
    private List<Statement> sageMakerWork() {
        return List.of(
                Statement.allow("SageMaker", "sagemaker:CreatePipeline", "sagemaker:UpdatePipeline",
                                "sagemaker:DescribePipeline", "sagemaker:StartPipelineExecution", "sagemaker:DescribePipelineExecution",
                                "sagemaker:ListPipelineExecutions", "sagemaker:ListPipelineExecutionSteps",
                                "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob",
                                "sagemaker:StopTrainingJob", "sagemaker:CreateProcessingJob",
                                "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob",
                                "sagemaker:CreateModelPackage", "sagemaker:DescribeModelPackage",
                                "sagemaker:UpdateModelPackage", "sagemaker:DescribeModelPackageGroup",
                                "sagemaker:CreateModel", "sagemaker:DescribeModel",
                                "sagemaker:AddTags")
                        .on(Arns.of(partition, "sagemaker", region, "*", "*")),
                Statement.allow("AccountWideReads", "sagemaker:ListModelPackageGroups",
                                "sagemaker:ListModelPackages", "sagemaker:ListPipelines", "sagemaker:Search", "sts:GetCallerIdentity",
                                "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "cloudwatch:GetMetricData",
                                "logs:DescribeLogGroups", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
                                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions",
                                "ec2:DescribeVpcEndpoints")
                        .onAnyResourceBecause("these actions support no resource-level permissions"),
                Statement.allow("VpcModeNetworkInterfaces", "ec2:CreateNetworkInterface",
                                "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                                "ec2:DeleteNetworkInterfacePermission")
                        .on(Arns.of(partition, "ec2", region, "*", "*")));
    }

    /** The product's buckets, keys and log groups. */
    private List<Statement> productData(String... keyAliases) {
        String buckets = productBuckets();
        // A trailing * matches the objects of the buckets too.
        String sagemakerBuckets = Arns.of(partition, "s3", "", "", "sagemaker-*");
        String logGroups = Arns.of(partition, "logs", region, "*", "log-group:");
        String projects = naming.physicalPrefix(PhysicalName.CODEBUILD) + "*";
        return List.of(
                Statement.allow("ProductBuckets", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject",
                                "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
                                "s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketAcl",
                                "s3:GetBucketVersioning")
                        .on(buckets, sagemakerBuckets),
                // The product key and the hosting stacks' secrets key (the deploy builds' awskms:// provider).
                Statement.allow("ProductKey", "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
                                "kms:CreateGrant")
                        .on(Arns.of(partition, "kms", region, "*", "key/*"))
                        .when("ForAnyValue:StringEquals", "kms:ResourceAliases", keyAliases),
                Statement.allow("ProductLogs", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")
                        .on(logGroups + "/aws/codebuild/" + projects, logGroups + "/aws/sagemaker/*",
                                logGroups + "/ml/" + naming.productName() + "/*"));
    }

    /** The product's builds, pipelines, repositories, parameters, roles and the images its jobs pull. */
    private List<Statement> productServices() {
        String roles = productRoles();
        String projects = naming.physicalPrefix(PhysicalName.CODEBUILD) + "*";
        return List.of(
                // The builds' buildspecs publish no test reports: the projects only. The resource type of an ARN
                // cannot be a wildcard (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
                Statement.allow("ProductBuilds", "codebuild:StartBuild", "codebuild:BatchGetBuilds",
                                "codebuild:StopBuild")
                        .on(Arns.of(partition, "codebuild", region, "*", "project/" + projects)),
                Statement.allow("ProductPipelines", "codepipeline:StartPipelineExecution", "codepipeline:GetPipeline",
                                "codepipeline:GetPipelineState", "codepipeline:GetPipelineExecution",
                                "codepipeline:ListPipelineExecutions")
                        .on(Arns.of(partition, "codepipeline", region, "*", naming.pipelinePattern())),
                Statement.allow("ProductRepositories", "codecommit:GitPull", "codecommit:GetBranch",
                                "codecommit:GetCommit", "codecommit:UploadArchive",
                                "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive")
                        .on(productRepositories()),
                Statement.allow("ProductParameters", "ssm:GetParameter", "ssm:GetParameters",
                                "ssm:GetParametersByPath")
                        .on(Arns.of(partition, "ssm", region, "*", "parameter/ml/" + naming.productName() + "/*")),
                Statement.allow("ProductRoleAssumption", "sts:AssumeRole", "sts:TagSession").on(roles),
                Statement.allow("ContainerImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchCheckLayerAvailability")
                        .on(Arns.of(partition, "ecr", region, "*", "repository/*")),
                Statement.allow("PassProductRolesToSageMaker", "iam:PassRole")
                        .on(roles)
                        .when("StringEquals", "iam:PassedToService", "sagemaker.amazonaws.com"));
    }

    /**
     * What the CloudFormation stack role does to a product repository it creates, updates (tags, description, key)
     * and deletes: SeededRepository's statements, within the product's repositories.
     */
    List<Statement> seededRepositoryStatements() {
        return List.of(
                Statement.allow("SeededRepositories", SeededRepository.REPOSITORY_ACTIONS.toArray(String[]::new))
                        .on(productRepositories()),
                Statement.allow("FindRepositories", "codecommit:ListRepositories")
                        .onAnyResourceBecause("ListRepositories supports no resource-level permissions"));
    }

    List<Statement> denies(Output<String> boundaryArn, String... keyAliases) {
        List<Statement> statements = new ArrayList<>(BoundaryDenies.of(productRoles(), boundaryArn));
        statements.addAll(List.of(
                // The product key and the hosting stacks' secrets key.
                Statement.deny("DenyKeyDisabling", "kms:DisableKey", "kms:ScheduleKeyDeletion",
                                "kms:DisableKeyRotation", "kms:PutKeyPolicy")
                        .on(Arns.of(partition, "kms", region, "*", "key/*"))
                        .when("ForAnyValue:StringEquals", "kms:ResourceAliases", keyAliases),
                // The key an alias names decides which key ProductKey's kms:ResourceAliases admits: no role of
                // the product creates, moves or deletes any alias (the allows hold no alias action either).
                Statement.deny("DenyKeyAliasChange", "kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias")
                        .on(Arns.of(partition, "kms", region, "*", "alias/*")),
                Statement.deny("DenyBucketProtectionChange", "s3:PutBucketPublicAccessBlock",
                                "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration")
                        .on(productBuckets())));
        return statements;
    }

    private String productRepositories() {
        return Arns.of(partition, "codecommit", region, "*", naming.physicalPrefix(PhysicalName.CODECOMMIT) + "*");
    }

    /** This product's roles, in any account the boundary is used in. */
    private String productRoles() {
        return Arns.of(partition, "iam", "", "*", "role/" + naming.physicalPrefix(PhysicalName.IAM_ROLE) + "*");
    }

    /** This product's buckets; a trailing * matches their objects too. */
    private String productBuckets() {
        return Arns.of(partition, "s3", "", "", naming.physicalPrefix(PhysicalName.S3_BUCKET) + "*");
    }
}
