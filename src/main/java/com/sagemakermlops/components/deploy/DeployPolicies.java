package com.sagemakermlops.components.deploy;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.NetworkInterfaceAccess;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.config.VpcSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements of the deploy pipeline's roles, key policy and bucket policy. */
final class DeployPolicies {
    /**
     * The calls Pulumi's {@code awskms://} secrets provider makes: Encrypt once, when a stack gets its data key
     * (pulumi pkg/secrets/cloud GenerateNewDataKey), and Decrypt of that data key whenever the stack is loaded; both
     * through gocloud.dev's secrets/awskms keeper, without an encryption context. It calls nothing else on the key.
     */
    static final String[] SECRETS_KEY_USE = {"kms:Encrypt", "kms:Decrypt"};

    private DeployPolicies() {
    }

    /**
     * Where the deploy pipeline lives and the product resources its roles touch.
     *
     * @param artifactFolder the folder of the artifact bucket that holds the deploy pipeline's artifacts
     */
    record Scope(String partition, String region, String accountId, String productName,
                 Output<String> artifactBucketArn, String artifactFolder, Output<String> cmkArn,
                 Output<String> modelPackageGroupArn) {

        /** The deploy pipeline's artifacts: no other folder of the model bucket. */
        Output<String> artifacts() {
            return artifactBucketArn.applyValue(arn -> arn + "/" + artifactFolder + "/*");
        }

        String arn(String service, String resource) {
            return Arns.of(partition, service, region, accountId, resource);
        }

        Arns arns() {
            return new Arns(partition, region, Output.of(accountId));
        }

        String accountRoot() {
            return Arns.rootOf(partition, accountId);
        }
    }

    /** The self-managed state backend the deploy builds share. */
    record State(Output<String> bucketArn, Output<String> secretsKeyArn) {
    }

    /** Where the deploy builds keep the hosting stacks: the self-managed backend, or Pulumi Cloud's access token. */
    record Backend(Optional<State> state, Optional<String> accessTokenSecretArn) {
    }

    /** What a stage's deploy build may do (assume {@code deployRoleArn}); nothing of the training side. */
    static List<Statement> buildRole(Scope scope, Backend backend, String deployRoleArn, String projectName,
                                     Optional<VpcSettings> vpc, Optional<String> pipelineBucketName) {
        String logGroup = scope.arn("logs", "log-group:" + DeployBuild.logGroupName(projectName));
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("AssumeTargetDeployRole", "sts:AssumeRole").on(deployRoleArn),
                Statement.allow("DescribeModelPackages", "sagemaker:DescribeModelPackageGroup",
                                "sagemaker:DescribeModelPackage")
                        .on(scope.modelPackageGroupArn(), scope.modelPackageGroupArn().applyValue(
                                arn -> arn.replace(":model-package-group/", ":model-package/") + "/*")),
                Statement.allow("ListModelPackages", "sagemaker:ListModelPackages")
                        .onAnyResourceBecause("ListModelPackages supports no resource-level permissions"),
                Statement.allow("UseProductKey", "kms:Decrypt", "kms:GenerateDataKey").on(scope.cmkArn()),
                Statement.allow("ReadPipelineArtifacts", "s3:GetObject", "s3:GetObjectVersion")
                        .on(scope.artifacts()),
                Statement.allow("LocateArtifactBucket", "s3:GetBucketLocation").on(scope.artifactBucketArn()),
                Statement.allow("WriteBuildLogs", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")
                        .on(logGroup, logGroup + ":*"),
                Statement.allow("ReadProductParameters", "ssm:GetParameter")
                        .on(scope.arn("ssm", "parameter/ml/" + scope.productName() + "/*"))));
        backend.state().ifPresent(state -> statements.addAll(List.of(
                Statement.allow("ListStateBucket", "s3:ListBucket").on(state.bucketArn()),
                Statement.allow("ReadWriteState", "s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                        .on(state.bucketArn().applyValue(arn -> arn + "/*")),
                Statement.allow("UseSecretsKey", SECRETS_KEY_USE).on(state.secretsKeyArn()))));
        // CodeBuild reads a secrets-manager variable with the project's service role, before the build starts.
        backend.accessTokenSecretArn().ifPresent(arn -> statements.add(
                Statement.allow("ReadPulumiAccessToken", "secretsmanager:GetSecretValue").on(arn)));
        vpc.ifPresent(settings -> statements.addAll(NetworkInterfaceAccess.forCodeBuild(scope.arns(), settings)));
        pipelineBucketName.ifPresent(bucket -> statements.addAll(pipelineBucketAccess(scope, bucket)));
        return statements;
    }

    /** Read-only access to {@code deploy.pipelineBucketName}, where pipeline-built model artifacts may live. */
    static List<Statement> pipelineBucketAccess(Scope scope, String bucket) {
        String arn = Arns.of(scope.partition(), "s3", "", "", bucket);
        return List.of(
                Statement.allow("ListPipelineBucket", "s3:ListBucket", "s3:GetBucketLocation").on(arn),
                Statement.allow("ReadPipelineBucket", "s3:GetObject", "s3:GetObjectVersion").on(arn + "/*"));
    }

    /** The pipeline role: its source, its own deploy projects, the artifact bucket and key. */
    static List<Statement> pipelineRole(Scope scope, PipelineSource source, List<Output<String>> projectArns) {
        List<Statement> statements = new ArrayList<>(source.pipelineAccess());
        statements.add(Statement.allow("RunDeployBuilds", "codebuild:StartBuild", "codebuild:BatchGetBuilds")
                .on(projectArns));
        statements.add(Statement.allow("ReadWriteArtifacts", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject")
                .on(scope.artifacts()));
        statements.add(Statement.allow("InspectArtifactBucket", "s3:GetBucketVersioning", "s3:GetBucketLocation")
                .on(scope.artifactBucketArn()));
        statements.add(Statement.allow("UseArtifactKey", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey")
                .on(scope.cmkArn()));
        return statements;
    }

    /** The secrets key: administered by the account, used by the deploy builds and the operators only. */
    static List<Statement> secretsKeyPolicy(Scope scope, List<Output<String>> deployBuildRoleArns,
                                            List<String> operatorRoleArns) {
        Statement administer = Statement.administerKey("AccountAdministersKey", Output.of(scope.accountRoot()));
        Statement use = Statement.allow("DeployBuildsUseKey", SECRETS_KEY_USE).onThisKey();
        deployBuildRoleArns.forEach(arn -> use.principal("AWS", arn));
        List<Statement> statements = new ArrayList<>(List.of(administer, use));
        statements.addAll(Operators.secretsKey(operatorRoleArns));
        return statements;
    }
}
