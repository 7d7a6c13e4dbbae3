package com.sagemakermlops.components.deploy;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.Naming;

import java.util.List;

/**
 * What the operators ({@code deploy.operatorRoleArns}) may do besides the deploy pipeline: use the hosting stacks'
 * state backend (the state bucket, the product key through S3 for its objects, the secrets key) and assume each
 * stage's deploy role with its external ID. That is what moving the tooling stack's state into the backend, a
 * workstation {@code pulumi up} of a stack and a rollback by hand need. Every grant names the roles themselves; a
 * role of another account also needs these permissions in its own account's policies.
 */
public final class Operators {
    private Operators() {
    }

    /** The state bucket: list it, read and write the stacks' state, history and lock files. */
    static List<Statement> stateBucket(List<String> operators, Output<String> bucketArn) {
        if (operators.isEmpty()) {
            return List.of();
        }
        return List.of(
                Statement.allow("OperatorsListState", "s3:ListBucket").principals("AWS", operators).on(bucketArn),
                Statement.allow("OperatorsReadWriteState", "s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                        .principals("AWS", operators).on(bucketArn.applyValue(arn -> arn + "/*")));
    }

    /** The secrets key: the calls of Pulumi's {@code awskms://} provider ({@link DeployPolicies#SECRETS_KEY_USE}). */
    static List<Statement> secretsKey(List<String> operators) {
        if (operators.isEmpty()) {
            return List.of();
        }
        return List.of(Statement.allow("OperatorsUseKey", DeployPolicies.SECRETS_KEY_USE)
                .principals("AWS", operators).onThisKey());
    }

    /**
     * The product key's statement for the operators: the state objects are encrypted with it (the bucket's default
     * encryption, with an S3 Bucket Key, whose encryption context is the bucket's ARN), so reading them is a Decrypt
     * and writing them a GenerateDataKey, through S3 and for the state bucket only.
     */
    public static List<Statement> productKeyForState(List<String> operators, Arns arns, Naming naming) {
        if (operators.isEmpty()) {
            return List.of();
        }
        String bucketArn = Arns.of(arns.partition(), "s3", "", "", StateBackend.bucketName(naming));
        return List.of(Statement.allow("KeyUseForStateByOperators", "kms:Decrypt", "kms:GenerateDataKey")
                .principals("AWS", operators).onThisKey()
                .when("StringEquals", "kms:ViaService", arns.service("s3"))
                .when("StringLike", "kms:EncryptionContext:aws:s3:arn", bucketArn, bucketArn + "/*"));
    }

    /** A stage's deploy role trusts the operators as it trusts the pipeline: with the stage's external ID. */
    public static List<Statement> deployRoleTrust(List<String> operators, Output<String> externalId) {
        if (operators.isEmpty()) {
            return List.of();
        }
        return List.of(Statement.allow("TrustOperators", "sts:AssumeRole")
                .principals("AWS", operators)
                .when("StringEquals", "sts:ExternalId", externalId));
    }
}
