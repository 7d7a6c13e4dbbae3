package com.sagemakermlops.components.deploy;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.List;

/**
 * The self-managed Pulumi backend of the hosting stacks: a versioned, private, TLS-only state bucket encrypted with
 * the product key, and a dedicated secrets key (rotated, used by the deploy builds only) for {@code awskms://}.
 */
final class StateBackend {
    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> secretsKeyArn;

    /** {@code s3://<bucket>?region=<region>&awssdk=v2}, the value of {@code pulumi login}. */
    static String backendUrl(String bucketName, String region) {
        return "s3://" + bucketName + "?region=" + region + "&awssdk=v2";
    }

    /** {@code awskms:///<key ARN>?region=<region>}: a key ARN goes in the path, after an empty host. */
    static String secretsProvider(String keyArn, String region) {
        return "awskms:///" + keyArn + "?region=" + region;
    }

    StateBackend(String name, Resource parent, Naming naming, Tags tags, DeployPolicies.Scope scope,
                 List<Output<String>> deployBuildRoleArns) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        var bucket = new BucketV2(name + "-state", BucketV2Args.builder()
                .bucket(naming.physical(PhysicalName.S3_BUCKET, "deploy-state"))
                .forceDestroy(false)
                .tags(tags.asMap())
                .build(), options);
        var ownership = new BucketOwnershipControls(name + "-state-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), options);
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-state-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder()
                                                .sseAlgorithm("aws:kms")
                                                .kmsMasterKeyId(scope.cmkArn())
                                                .build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), options);
        var versioning = new BucketVersioningV2(name + "-state-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), options);
        var publicAccess = new BucketPublicAccessBlock(name + "-state-public-access",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(), options);
        var policy = new BucketPolicy(name + "-state-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(PolicyDocument.of(DeployPolicies.denyInsecureTransport(bucket.arn())))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(publicAccess).build());
        // The backend is handed out only once every setting that protects it is in place.
        Output<String> protectedBucket = Output.all(ownership.id(), encryption.id(), versioning.id(), policy.id())
                .apply(ids -> bucket.bucket());
        this.bucketName = protectedBucket;
        this.bucketArn = protectedBucket.apply(ignored -> bucket.arn());

        var key = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Encrypts the secrets of the " + naming.productName() + " hosting stacks")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocument.of(DeployPolicies.secretsKeyPolicy(scope, deployBuildRoleArns)))
                .tags(tags.asMap())
                .build(), options);
        new Alias(name + "-secrets-key-alias", AliasArgs.builder()
                .name("alias/" + naming.productName() + "-pulumi-secrets")
                .targetKeyId(key.keyId())
                .build(), options);
        this.secretsKeyArn = key.arn();
    }

    Output<String> bucketName() {
        return bucketName;
    }

    Output<String> bucketArn() {
        return bucketArn;
    }

    Output<String> secretsKeyArn() {
        return secretsKeyArn;
    }
}
