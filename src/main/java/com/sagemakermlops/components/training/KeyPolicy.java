package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The key policy of the product's CMK: what each principal needs and nothing more. In a key policy {@code "*"} as
 * resource means this key.
 */
final class KeyPolicy {
    /** What a role of the product needs to use the key for its data. */
    static final String[] USE = {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"};

    /** The principals of the training side. */
    record Principals(Output<String> sagemakerRole, Output<String> buildRole, Output<String> pipelineRole,
                      Output<String> buildLogGroup) {
    }

    private KeyPolicy() {
    }

    /**
     * @param targets     the target stages' accounts, which read model artifacts through S3
     * @param dataCapture whether the target accounts' endpoints write data capture into the model bucket
     */
    static List<Statement> statements(Arns arns, Principals principals, Collection<String> targets,
                                      boolean dataCapture) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.administerKey("KeyAdministrationByAccount", arns.accountRoot()));
        // Whoever deploys uploads the seed code and creates the repository through S3 and CodeCommit.
        statements.add(Statement.allow("KeyUseThroughS3AndCodeCommitInAccount", USE)
                .principal("AWS", arns.accountRoot()).onThisKey()
                .when("StringEquals", "kms:ViaService", arns.service("s3"), arns.service("codecommit"))
                .when("StringEquals", "kms:CallerAccount", arns.account()));
        statements.add(Statement.allow("KeyUseBySageMakerExecutionRole", USE)
                .principal("AWS", principals.sagemakerRole()).onThisKey());
        statements.add(Statement.allow("KeyGrantsForSageMakerJobVolumes", "kms:CreateGrant")
                .principal("AWS", principals.sagemakerRole()).onThisKey()
                .when("Bool", "kms:GrantIsForAWSResource", "true"));
        statements.add(Statement.allow("KeyUseByTrainingBuildRole", USE)
                .principal("AWS", principals.buildRole()).onThisKey());
        statements.add(Statement.allow("KeyUseByTrainingPipelineRole", USE)
                .principal("AWS", principals.pipelineRole()).onThisKey());
        statements.add(Statement.logsEncryption("KeyUseByCloudWatchLogsForBuildLogs", arns.service("logs"),
                principals.buildLogGroup()));
        if (!targets.isEmpty()) {
            List<String> accounts = arns.roots(targets);
            statements.add(Statement.allow("KeyDecryptOfModelArtifactsByTargetAccounts", "kms:Decrypt",
                            "kms:DescribeKey")
                    .principals("AWS", accounts).onThisKey()
                    .when("StringEquals", "kms:ViaService", arns.service("s3")));
            // Endpoint configurations in the target accounts encrypt their volumes with this key: CreateEndpoint
            // takes a grant on it for the endpoint's instances, and only for an AWS resource
            // (https://docs.aws.amazon.com/sagemaker/latest/dg/api-permissions-reference.html).
            statements.add(Statement.allow("KeyGrantsForEndpointsInTargetAccounts", "kms:CreateGrant")
                    .principals("AWS", accounts).onThisKey()
                    .when("Bool", "kms:GrantIsForAWSResource", "true")
                    .when("StringEquals", "kms:ViaService", arns.service("sagemaker")));
            if (dataCapture) {
                statements.add(Statement.allow("KeyEncryptOfDataCaptureByTargetAccounts", "kms:Encrypt",
                                "kms:GenerateDataKey")
                        .principals("AWS", accounts).onThisKey()
                        .when("StringEquals", "kms:ViaService", arns.service("s3")));
            }
        }
        return statements;
    }
}
