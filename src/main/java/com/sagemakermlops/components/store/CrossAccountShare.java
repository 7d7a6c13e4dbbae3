package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the store lets the target stages' accounts do, in one place: the key (decrypt model artifacts through
 * S3, grants for endpoint volumes, encrypt data capture), the bucket (read model artifacts, write data capture under
 * {@code data-capture/<stage>/}) and the registry (see {@link RegistryPolicy}). No statement at all without targets.
 *
 * @param targets     the account of each target stage
 * @param dataCapture whether each stage's endpoints write data capture into the bucket
 */
record CrossAccountShare(Arns arns, Map<TargetEnvironment.Stage, String> targets, boolean dataCapture) {

    CrossAccountShare {
        targets = Collections.unmodifiableMap(new TreeMap<>(targets)); // stage order, as the policies list them
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    private List<String> accounts() {
        return arns.roots(targets.values());
    }

    List<Statement> keyStatements() {
        List<Statement> statements = new ArrayList<>();
        if (isEmpty()) {
            return statements;
        }
        statements.add(Statement.allow("KeyDecryptOfModelArtifactsByTargetAccounts", "kms:Decrypt",
                        "kms:DescribeKey")
                .principals("AWS", accounts()).onThisKey()
                .when("StringEquals", "kms:ViaService", arns.service("s3")));
        // Endpoint configurations in the target accounts encrypt their volumes with this key: CreateEndpoint takes a
        // grant on it for the endpoint's instances, and only for an AWS resource
        // (https://docs.aws.amazon.com/sagemaker/latest/dg/api-permissions-reference.html).
        statements.add(Statement.allow("KeyGrantsForEndpointsInTargetAccounts", "kms:CreateGrant")
                .principals("AWS", accounts()).onThisKey()
                .when("Bool", "kms:GrantIsForAWSResource", "true")
                .when("StringEquals", "kms:ViaService", arns.service("sagemaker")));
        if (dataCapture) {
            statements.add(Statement.allow("KeyEncryptOfDataCaptureByTargetAccounts", "kms:Encrypt",
                            "kms:GenerateDataKey")
                    .principals("AWS", accounts()).onThisKey()
                    .when("StringEquals", "kms:ViaService", arns.service("s3")));
        }
        return statements;
    }

    /** The bucket policy's statements besides TLS only, given the bucket and its model artifacts folder. */
    List<Statement> bucketStatements(Output<String> bucketArn, String modelArtifactsPrefix) {
        List<Statement> statements = new ArrayList<>();
        if (isEmpty()) {
            return statements;
        }
        statements.add(Statement.allow("ReadModelArtifactsByTargetAccounts", "s3:GetObject", "s3:GetObjectVersion")
                .principals("AWS", accounts())
                .on(bucketArn.applyValue(arn -> arn + "/" + modelArtifactsPrefix + "/*")));
        if (dataCapture) {
            targets.entrySet().forEach(target -> statements.add(
                    Statement.allow("WriteDataCaptureBy" + target.getKey().title(), "s3:PutObject")
                            .principal("AWS", arns.root(target.getValue()))
                            .on(bucketArn.applyValue(arn -> arn + "/" + DataCapture.prefix(target.getKey()) + "*"))));
        }
        return statements;
    }

    List<Statement> registryStatements(String groupName) {
        return RegistryPolicy.statements(arns, groupName, targets.values());
    }
}
