package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyResource;

import java.util.ArrayList;
import java.util.List;

import static com.sagemakermlops.policy.Fixtures.U;
import static com.sagemakermlops.policy.Fixtures.doc;
import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.res;
import static com.sagemakermlops.policy.Fixtures.secret;

/**
 * For every policy: a compliant stack, a non-compliant one (the finding, with the given message, is on its first
 * resource), and one where a needed value is unknown during preview with the expected outcome (an undetermined
 * finding is on its first resource as well).
 */
final class PolicyCases {
    enum WhenUnknown {
        /** The policy reports "could not be evaluated". */
        UNDETERMINED,
        /** An unknown value counts as set (the property is given a computed value), so the policy passes. */
        PASSES
    }

    /**
     * One policy's cases.
     *
     * @param message         the message of the one finding on {@code violating}
     * @param unknownProperty the property named by the "could not be evaluated" finding on {@code unknown}
     *                        (null when the policy passes)
     */
    record Case(String policy, List<PolicyResource> compliant, List<PolicyResource> violating, String message,
                List<PolicyResource> unknown, WhenUnknown whenUnknown, String unknownProperty) {
        @Override
        public String toString() {
            return policy;
        }
    }

    static final String KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0f1e2d3c";
    static final String TLS_DENY = "{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
            + "\"Resource\":[\"arn:aws:s3:::data\",\"arn:aws:s3:::data/*\"],"
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
    static final String READ = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}";

    private PolicyCases() {
    }

    private static List<PolicyResource> one(String type, Object... kv) {
        return List.of(res(type, "r", m(kv)));
    }

    /** A case whose unknown value counts as set, so the policy passes ({@code when} is PASSES). */
    private static Case c(String policy, List<PolicyResource> ok, List<PolicyResource> bad, String message,
                          List<PolicyResource> unknown, WhenUnknown when) {
        if (when != WhenUnknown.PASSES) {
            throw new IllegalArgumentException(policy + ": an undetermined case names its unknown property");
        }
        return new Case(policy, ok, bad, message, unknown, when, null);
    }

    /** A case whose unknown {@code property} leaves the policy undetermined. */
    private static Case c(String policy, List<PolicyResource> ok, List<PolicyResource> bad, String message,
                          List<PolicyResource> unknown, String property) {
        return new Case(policy, ok, bad, message, unknown, WhenUnknown.UNDETERMINED, property);
    }

    /** Two pipelines, {@code first} and {@code second}, with their names and artifact buckets. */
    private static List<PolicyResource> pipelines(Object firstName, Object secondName, Object firstBucket,
                                                  Object secondBucket) {
        return List.of(res(Types.CODEPIPELINE, "first", m("name", firstName, "artifactStores",
                        l(m("location", firstBucket, "type", "S3")))),
                res(Types.CODEPIPELINE, "second", m("name", secondName, "artifactStores",
                        l(m("location", secondBucket, "type", "S3")))));
    }

    private static List<PolicyResource> role(Object policyJson) {
        return one(Types.IAM_ROLE, "description", "role", "permissionsBoundary", "arn:aws:iam::1:policy/b",
                "inlinePolicies", l(m("name", "inline", "policy", policyJson)));
    }

    /** A trust statement (Sid Trust) for {@code service}, with the given Condition object or none. */
    static String serviceTrust(String service, String condition) {
        return "{\"Sid\":\"Trust\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + service + "\"},"
                + "\"Action\":\"sts:AssumeRole\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":" + action + ",\"Resource\":" + resource + "}";
    }

    /** A JSON template of one AWS::CodeCommit::Repository with {@code more} properties after its name. */
    static String repositoryTemplate(String more) {
        return "{\"Resources\":{\"Repo\":{\"Type\":\"AWS::CodeCommit::Repository\","
                + "\"Properties\":{\"RepositoryName\":\"models\"" + more + "}}}}";
    }

    private static List<PolicyResource> bucketWith(String type, Object companionBucket) {
        List<PolicyResource> out = new ArrayList<>();
        out.add(res(Types.BUCKET_V2, "data", m("bucket", "data")));
        if (type != null) {
            out.add(res(type, "data-companion", m("bucket", companionBucket)));
        }
        return out;
    }

    static List<Case> all() {
        Object sse = l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "aws:kms", "kmsMasterKeyId", KEY_ARN)));
        return List.of(
                c("kms-key-rotation-enabled",
                        one(Types.KMS_KEY, "enableKeyRotation", true),
                        one(Types.KMS_KEY, "enableKeyRotation", false),
                        "enableKeyRotation is not true",
                        one(Types.KMS_KEY, "enableKeyRotation", U), "enableKeyRotation"),
                c("kms-key-policy-no-wildcard-principal",
                        one(Types.KMS_KEY, "policy", doc(READ)),
                        one(Types.KMS_KEY, "policy", doc("{\"Effect\":\"Allow\",\"Principal\":\"*\","
                                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}")),
                        "policy statement[0] allows Principal \"*\" without a Condition",
                        one(Types.KMS_KEY, "policy", U), "policy"),
                c("s3-bucket-sse-kms-cmk",
                        one(Types.BUCKET_SSE, "bucket", "data", "rules", sse),
                        one(Types.BUCKET_SSE, "bucket", "data", "rules",
                                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "AES256")))),
                        "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is \"AES256\", not aws:kms",
                        one(Types.BUCKET_SSE, "bucket", "data", "rules",
                                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", U)))),
                        "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"),
                c("s3-bucket-public-access-block",
                        one(Types.BUCKET_PAB, "blockPublicAcls", true, "blockPublicPolicy", true,
                                "ignorePublicAcls", true, "restrictPublicBuckets", true),
                        one(Types.BUCKET_PAB, "blockPublicAcls", true, "blockPublicPolicy", false,
                                "ignorePublicAcls", true, "restrictPublicBuckets", true),
                        "blockPublicPolicy is not true",
                        one(Types.BUCKET_PAB, "blockPublicAcls", U, "blockPublicPolicy", true,
                                "ignorePublicAcls", true, "restrictPublicBuckets", true), "blockPublicAcls"),
                c("s3-bucket-tls-only",
                        one(Types.BUCKET_POLICY, "bucket", "data", "policy", doc(TLS_DENY, READ)),
                        one(Types.BUCKET_POLICY, "bucket", "data", "policy", doc(READ)),
                        "policy has no Deny statement with Condition Bool aws:SecureTransport \"false\"",
                        one(Types.BUCKET_POLICY, "bucket", "data", "policy", U), "policy"),
                c("s3-bucket-versioning-enabled",
                        one(Types.BUCKET_VERSIONING, "versioningConfiguration", m("status", "Enabled")),
                        one(Types.BUCKET_VERSIONING, "versioningConfiguration", m("status", "Suspended")),
                        "versioningConfiguration.status is \"Suspended\", not \"Enabled\"",
                        one(Types.BUCKET_VERSIONING, "versioningConfiguration", m("status", U)),
                        "versioningConfiguration.status"),
                c("codebuild-project-kms-key",
                        one(Types.CODEBUILD_PROJECT, "encryptionKey", KEY_ARN),
                        one(Types.CODEBUILD_PROJECT, "encryptionKey", null),
                        "encryptionKey is not set",
                        one(Types.CODEBUILD_PROJECT, "encryptionKey", U), WhenUnknown.PASSES),
                c("codebuild-no-plaintext-credentials",
                        one(Types.CODEBUILD_PROJECT, "environment", m("environmentVariables", l(
                                m("name", "MODEL_PACKAGE_GROUP", "value", "models", "type", "PLAINTEXT"),
                                m("name", "DB_PASSWORD", "value", "/mlops/db", "type", "PARAMETER_STORE")))),
                        one(Types.CODEBUILD_PROJECT, "environment", m("environmentVariables", l(
                                m("name", "GITHUB_TOKEN", "value", "abc123", "type", "PLAINTEXT")))),
                        "environment.environmentVariables[0] (GITHUB_TOKEN) looks like a credential and is PLAINTEXT",
                        one(Types.CODEBUILD_PROJECT, "environment", m("environmentVariables", l(
                                m("name", U, "value", "abc123", "type", "PLAINTEXT")))),
                        "environment.environmentVariables[0].name"),
                c("codepipeline-artifact-store-kms",
                        one(Types.CODEPIPELINE, "artifactStores", l(m("location", "artifacts", "type", "S3",
                                "encryptionKey", m("id", KEY_ARN, "type", "KMS")))),
                        one(Types.CODEPIPELINE, "artifactStores", l(m("location", "artifacts", "type", "S3"))),
                        "artifactStores[0].encryptionKey is not set",
                        one(Types.CODEPIPELINE, "artifactStores", U), "artifactStores"),
                // The training and deploy pipelines of one product: distinct when the purpose comes first.
                c("codepipeline-distinct-artifact-folders",
                        pipelines("training-1a2b3c4d-acme-prod-c1-eu-west-1-churn-ml",
                                "deploy-1a2b3c4d-acme-prod-c1-eu-west-1-churn-ml", "artifacts", "artifacts"),
                        pipelines("acme-prod-c1-eu-west-1-churn-ml-training",
                                "acme-prod-c1-eu-west-1-churn-ml-deploy", "artifacts", "artifacts"),
                        "shares the artifact folder s3://artifacts/acme-prod-c1-eu-west/ with [second]: CodePipeline "
                                + "names the folder after the first 20 characters of the pipeline name",
                        pipelines(U, "deploy-1a2b3c4d-acme", "artifacts", "artifacts"), "name"),
                c("codecommit-repository-kms-key",
                        one(Types.CLOUDFORMATION_STACK, "templateBody", repositoryTemplate(",\"KmsKeyId\":\""
                                + KEY_ARN + "\"")),
                        one(Types.CLOUDFORMATION_STACK, "templateBody", repositoryTemplate("")),
                        "templateBody Resources.Repo.Properties.KmsKeyId is not set",
                        one(Types.CLOUDFORMATION_STACK, "templateBody", U), "templateBody"),
                c("sagemaker-endpoint-config-kms",
                        one(Types.SM_ENDPOINT_CONFIG, "kmsKeyArn", KEY_ARN),
                        one(Types.SM_ENDPOINT_CONFIG, "productionVariants", l()),
                        "kmsKeyArn is not set",
                        one(Types.SM_ENDPOINT_CONFIG, "kmsKeyArn", U), WhenUnknown.PASSES),
                c("sagemaker-data-capture-kms",
                        one(Types.SM_ENDPOINT_CONFIG, "dataCaptureConfig", m("enableCapture", true, "kmsKeyId", KEY_ARN)),
                        one(Types.SM_ENDPOINT_CONFIG, "dataCaptureConfig", m("enableCapture", true)),
                        "dataCaptureConfig.kmsKeyId is not set",
                        one(Types.SM_ENDPOINT_CONFIG, "dataCaptureConfig", m("enableCapture", U)),
                        "dataCaptureConfig.enableCapture"),
                c("sagemaker-model-network-isolation",
                        one(Types.SM_MODEL, "enableNetworkIsolation", true),
                        one(Types.SM_MODEL, "enableNetworkIsolation", false),
                        "enableNetworkIsolation is not true",
                        one(Types.SM_MODEL, "enableNetworkIsolation", U), "enableNetworkIsolation"),
                c("sns-topic-kms",
                        one(Types.SNS_TOPIC, "kmsMasterKeyId", KEY_ARN),
                        one(Types.SNS_TOPIC, "kmsMasterKeyId", "alias/aws/sns"),
                        "kmsMasterKeyId is the AWS-managed aws/sns key, not a customer-managed key",
                        one(Types.SNS_TOPIC, "kmsMasterKeyId", U), WhenUnknown.PASSES),
                c("sns-topic-tls-only",
                        one(Types.SNS_TOPIC_POLICY, "arn", "arn:aws:sns:eu-west-1:1:t", "policy", doc(TLS_DENY)),
                        one(Types.SNS_TOPIC, "kmsMasterKeyId", KEY_ARN, "policy", doc(READ)),
                        "policy has no Deny statement with Condition Bool aws:SecureTransport \"false\"",
                        one(Types.SNS_TOPIC_POLICY, "arn", "arn:aws:sns:eu-west-1:1:t", "policy", U), "policy"),
                c("log-group-kms",
                        one(Types.LOG_GROUP, "kmsKeyId", KEY_ARN),
                        one(Types.LOG_GROUP, "retentionInDays", 365.0),
                        "kmsKeyId is not set",
                        one(Types.LOG_GROUP, "kmsKeyId", U), WhenUnknown.PASSES),
                c("log-group-retention",
                        one(Types.LOG_GROUP, "retentionInDays", 365.0),
                        one(Types.LOG_GROUP, "retentionInDays", 30.0),
                        "retentionInDays is 30, below the minimum of 90",
                        one(Types.LOG_GROUP, "retentionInDays", U), "retentionInDays"),
                c("ssm-parameter-secure-string",
                        one(Types.SSM_PARAMETER, "name", "/mlops/db-password", "type", "SecureString",
                                "value", secret("hunter2-hunter2")),
                        one(Types.SSM_PARAMETER, "name", "/mlops/db-password", "type", "String", "value", "hunter2"),
                        "type is \"String\" but name looks like a secret",
                        one(Types.SSM_PARAMETER, "name", "/mlops/db-password", "type", U, "value", "x"), "type"),
                c("iam-no-wildcard-actions",
                        role(doc(allow("\"s3:GetObject\"", "\"arn:aws:s3:::data/*\""))),
                        role(doc(allow("[\"s3:*\"]", "\"arn:aws:s3:::data/*\""))),
                        "inlinePolicies[0].policy statement[0] allows wildcard action s3:*",
                        role(U), "inlinePolicies[0].policy"),
                c("iam-no-wildcard-resources",
                        one(Types.IAM_POLICY, "description", "p", "policy",
                                doc(allow("\"ecr:GetAuthorizationToken\"", "\"*\""))),
                        one(Types.IAM_POLICY, "description", "p", "policy", doc(allow("\"s3:GetObject\"", "\"*\""))),
                        "policy statement[0] allows s3:GetObject on Resource \"*\"",
                        one(Types.IAM_POLICY, "description", "p", "policy", U), "policy"),
                c("iam-no-admin-managed-policies",
                        one(Types.IAM_ROLE_POLICY_ATTACHMENT, "role", "r", "policyArn", "arn:aws:iam::111111111111:policy/x"),
                        one(Types.IAM_ROLE_POLICY_ATTACHMENT, "role", "r", "policyArn",
                                "arn:aws:iam::aws:policy/AdministratorAccess"),
                        "policyArn attaches AdministratorAccess",
                        one(Types.IAM_ROLE_POLICY_ATTACHMENT, "role", "r", "policyArn", U), "policyArn"),
                c("iam-no-aws-managed-policies",
                        one(Types.IAM_ROLE, "managedPolicyArns", l("arn:aws:iam::111111111111:policy/x")),
                        one(Types.IAM_ROLE, "managedPolicyArns", l("arn:aws:iam::aws:policy/AmazonSageMakerReadOnly")),
                        "managedPolicyArns[0] attaches AWS-managed policy AmazonSageMakerReadOnly",
                        one(Types.IAM_ROLE, "managedPolicyArns", l(U)), "managedPolicyArns[0]"),
                c("iam-passrole-restricted",
                        one(Types.IAM_ROLE_POLICY, "role", "r", "policy", doc("{\"Effect\":\"Allow\",\"Action\":"
                                + "\"iam:PassRole\",\"Resource\":\"arn:aws:iam::111111111111:role/sm-exec\","
                                + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"sagemaker.amazonaws.com\"}}}")),
                        one(Types.IAM_ROLE_POLICY, "role", "r", "policy", doc(allow("\"iam:PassRole\"", "\"*\""))),
                        "policy statement[0] allows iam:PassRole on any role and without an iam:PassedToService"
                                + " condition",
                        one(Types.IAM_ROLE_POLICY, "role", "r", "policy", U), "policy"),
                c("iam-cross-account-trust-conditioned",
                        one(Types.IAM_ROLE, "assumeRolePolicy", doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                                + "\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}")),
                        one(Types.IAM_ROLE, "assumeRolePolicy", doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                                + "\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}")),
                        "assumeRolePolicy statement[0] trusts account 222222222222 without an"
                                + " sts:ExternalId/aws:PrincipalOrgID/aws:PrincipalArn condition",
                        one(Types.IAM_ROLE, "assumeRolePolicy", U), "assumeRolePolicy"),
                c("iam-service-trust-source-conditioned",
                        one(Types.IAM_ROLE, "assumeRolePolicy", doc(serviceTrust("codebuild.amazonaws.com",
                                "{\"ArnLike\":{\"aws:SourceArn\":"
                                        + "\"arn:aws:codebuild:eu-west-1:111111111111:project/build\"}}"))),
                        one(Types.IAM_ROLE, "assumeRolePolicy", doc(serviceTrust("codebuild.amazonaws.com", null))),
                        "assumeRolePolicy statement[0] (Sid Trust) trusts service codebuild.amazonaws.com without an"
                                + " aws:SourceAccount or aws:SourceArn condition",
                        one(Types.IAM_ROLE, "assumeRolePolicy", U), "assumeRolePolicy"),
                c("iam-role-permissions-boundary",
                        one(Types.IAM_ROLE, "permissionsBoundary", "arn:aws:iam::111111111111:policy/boundary"),
                        one(Types.IAM_ROLE, "description", "no boundary"),
                        "permissionsBoundary is not set",
                        one(Types.IAM_ROLE, "permissionsBoundary", U), WhenUnknown.PASSES),
                c("sg-no-public-admin-ports",
                        one(Types.SECURITY_GROUP, "ingress", l(m("protocol", "tcp", "fromPort", 443.0, "toPort", 443.0,
                                "cidrBlocks", l("10.0.0.0/8")))),
                        one(Types.SECURITY_GROUP, "ingress", l(m("protocol", "tcp", "fromPort", 22.0, "toPort", 22.0,
                                "cidrBlocks", l("0.0.0.0/0")))),
                        "ingress[0] admits port 22 (tcp 22) from 0.0.0.0/0",
                        one(Types.SECURITY_GROUP, "ingress", l(m("protocol", "tcp", "fromPort", 22.0, "toPort", 22.0,
                                "cidrBlocks", U))), "ingress[0].cidrBlocks"),
                c("sg-no-public-ingress",
                        one(Types.SG_INGRESS_RULE, "ipProtocol", "tcp", "fromPort", 443.0, "toPort", 443.0,
                                "cidrIpv4", "10.0.0.0/16"),
                        one(Types.SG_INGRESS_RULE, "ipProtocol", "tcp", "fromPort", 443.0, "toPort", 443.0,
                                "cidrIpv4", "0.0.0.0/0"),
                        "rule admits tcp 443 from 0.0.0.0/0",
                        one(Types.SG_INGRESS_RULE, "ipProtocol", "tcp", "fromPort", 443.0, "toPort", 443.0,
                                "cidrIpv4", U), "cidrIpv4"),
                c("description-present",
                        one(Types.KMS_KEY, "description", "Encrypts model artifacts", "enableKeyRotation", true),
                        one(Types.KMS_KEY, "enableKeyRotation", true),
                        "description is not set",
                        one(Types.KMS_KEY, "description", U), WhenUnknown.PASSES),
                c("s3-bucket-has-encryption-configuration",
                        bucketWith(Types.BUCKET_SSE, "data"), bucketWith(null, null),
                        "no BucketServerSideEncryptionConfigurationV2 refers to this bucket (bucket \"data\")",
                        bucketWith(Types.BUCKET_SSE, U),
                        "bucket of BucketServerSideEncryptionConfigurationV2 data-companion"),
                c("s3-bucket-has-tls-policy",
                        bucketWith(Types.BUCKET_POLICY, "data"), bucketWith(Types.BUCKET_POLICY, "other-bucket"),
                        "no BucketPolicy refers to this bucket (bucket \"data\")",
                        bucketWith(Types.BUCKET_POLICY, U), "bucket of BucketPolicy data-companion"),
                c("s3-bucket-has-public-access-block",
                        bucketWith(Types.BUCKET_PAB, "data"), bucketWith(null, null),
                        "no BucketPublicAccessBlock refers to this bucket (bucket \"data\")",
                        bucketWith(Types.BUCKET_PAB, U), "bucket of BucketPublicAccessBlock data-companion"),
                c("suppression-reason-required",
                        one(Types.LOG_GROUP, "tags", m("mlops:suppress:log-group-kms", "platform logs hold no data")),
                        one(Types.LOG_GROUP, "tags", m("mlops:suppress:log-group-kms", "because")),
                        "tag mlops:suppress:log-group-kms has a reason of 7 characters (needs 10): not applied",
                        one(Types.LOG_GROUP, "tags", m("mlops:suppress:log-group-kms", U)), WhenUnknown.PASSES),
                c("suppression-id-known",
                        one(Types.LOG_GROUP, "tags", m("mlops:suppress:CKV_AWS_158", "platform logs hold no data")),
                        one(Types.LOG_GROUP, "tags", m("mlops:suppress:log-group-kmss", "platform logs hold no data")),
                        "tag mlops:suppress:log-group-kmss names no policy or covered rule id of this pack",
                        one(Types.LOG_GROUP, "tags", U), WhenUnknown.PASSES));
    }
}
