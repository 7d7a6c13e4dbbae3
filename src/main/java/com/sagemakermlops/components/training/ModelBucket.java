package com.sagemakermlops.components.training;

import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
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
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.function.Function;

/**
 * The model bucket: SSE-KMS with the CMK (bucket key on), versioned, no public access, owner-enforced, with its
 * policy. Its name and ARN are available once every setting that protects it is in place.
 */
record ModelBucket(Output<String> name, Output<String> arn) {

    /** @param eventBridge whether object events go to EventBridge (S3 sources start pipelines on them) */
    record Args(String bucketName, Output<String> keyArn, boolean eventBridge, Tags tags) {
    }

    static ModelBucket create(String name, Args args, Function<Output<String>, List<Statement>> policy,
                              CustomResourceOptions options) {
        BucketV2 bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.bucketName())
                .tags(args.tags().asMap())
                .build(), options);
        var encryption = new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args
                .builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("aws:kms").kmsMasterKeyId(args.keyArn()).build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), options);
        var versioning = new BucketVersioningV2(name, BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), options);
        var publicAccess = new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), options);
        var ownership = new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), options);
        var bucketPolicy = new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(PolicyDocument.of(policy.apply(bucket.arn())))
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(publicAccess).build()));
        Output<String> ready = Output.all(encryption.id(), versioning.id(), ownership.id(), bucketPolicy.id())
                .applyValue(ids -> "");
        if (args.eventBridge()) {
            var notification = new BucketNotification(name, BucketNotificationArgs.builder()
                    .bucket(bucket.id())
                    .eventbridge(true)
                    .build(), options);
            ready = ready.apply(r -> notification.id().applyValue(id -> ""));
        }
        Output<String> settled = ready;
        return new ModelBucket(settled.apply(r -> bucket.bucket()), settled.apply(r -> bucket.arn()));
    }
}
