package com.sagemakermlops.components.storage;

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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An S3 bucket that is SSE-KMS encrypted with the product key (bucket key on), versioned, without public access,
 * owner-enforced and TLS-only. Its children are created with the options given (under the caller's parent), all
 * under the same logical name; its name and ARN are available once every setting that protects it is in place.
 */
public final class SecureBucket {
    private final Output<String> name;
    private final Output<String> arn;

    /**
     * @param bucketName      the physical bucket name
     * @param extraStatements the bucket policy's statements after the TLS-only deny, given the bucket ARN
     */
    public record Args(String bucketName, Output<String> keyArn, Tags tags,
                       Function<Output<String>, List<Statement>> extraStatements) {
    }

    private SecureBucket(Output<String> name, Output<String> arn) {
        this.name = name;
        this.arn = arn;
    }

    public static SecureBucket create(String name, Args args, CustomResourceOptions options) {
        BucketV2 bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.bucketName())
                .forceDestroy(false)
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
        var policy = new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(PolicyDocument.of(policyStatements(bucket.arn(), args.extraStatements())))
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(publicAccess).build()));
        Output<String> protectedBucket = Output.all(encryption.id(), versioning.id(), publicAccess.id(),
                ownership.id(), policy.id()).apply(ids -> bucket.bucket());
        return new SecureBucket(protectedBucket, protectedBucket.apply(ignored -> bucket.arn()));
    }

    /** The TLS-only deny first, then the caller's statements. */
    private static List<Statement> policyStatements(Output<String> bucketArn,
                                                   Function<Output<String>, List<Statement>> extraStatements) {
        List<Statement> statements = new ArrayList<>();
        statements.add(denyInsecureTransport(bucketArn));
        statements.addAll(extraStatements.apply(bucketArn));
        return statements;
    }

    /** A deny of every S3 action without TLS is what makes TLS mandatory; it grants nothing. */
    private static Statement denyInsecureTransport(Output<String> bucketArn) {
        return Statement.deny("DenyInsecureTransport", "s3:*")
                .principal("AWS", "*")
                .on(bucketArn, bucketArn.applyValue(arn -> arn + "/*"))
                .when("Bool", "aws:SecureTransport", "false");
    }

    /** The bucket name, once encryption, versioning, public access block, ownership and policy exist. */
    public Output<String> name() {
        return name;
    }

    /** The bucket ARN, once encryption, versioning, public access block, ownership and policy exist. */
    public Output<String> arn() {
        return arn;
    }
}
