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
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * An S3 bucket that is SSE-KMS encrypted with the product key (bucket key on), versioned, without public access,
 * owner-enforced and TLS-only: a component whose bucket carries its name and whose settings are
 * {@code <name>-encryption}, {@code -versioning}, {@code -public-access}, {@code -ownership} and {@code -policy}. Its
 * name and ARN are available once every setting that protects it is in place.
 */
public final class SecureBucket extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:storage:SecureBucket";

    private final Output<String> name;
    private final Output<String> arn;

    /**
     * @param bucketName      the physical bucket name; required
     * @param keyArn          the customer-managed key of the default encryption; required
     * @param tags            the bucket's tags; required
     * @param extraStatements the bucket policy's statements after the TLS-only deny, given the bucket ARN; required
     * @param retainOnDelete  a deletion (a rename, a {@code pulumi destroy}) only forgets the bucket and its settings,
     *                        which stay in AWS; default false
     */
    public record Args(String bucketName, Output<String> keyArn, Tags tags,
                       Function<Output<String>, List<Statement>> extraStatements, boolean retainOnDelete) {

        /** A bucket deleted with its stack. */
        public Args(String bucketName, Output<String> keyArn, Tags tags,
                    Function<Output<String>, List<Statement>> extraStatements) {
            this(bucketName, keyArn, tags, extraStatements, false);
        }
    }

    public SecureBucket(String name, Args args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        // A retained bucket keeps its encryption, public access block and TLS-only policy too.
        var child = CustomResourceOptions.builder().parent(this).retainOnDelete(args.retainOnDelete()).build();
        BucketV2 bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.bucketName())
                .forceDestroy(false)
                .tags(args.tags().asMap())
                .build(), child);
        Output<String> protectedBucket = protect(name, bucket, args, child);
        this.name = protectedBucket;
        this.arn = protectedBucket.apply(ignored -> bucket.arn());
        registerOutputs(Map.of("name", this.name, "arn", this.arn));
    }

    /** The bucket's settings; its name once they are all in place. */
    private static Output<String> protect(String name, BucketV2 bucket, Args args, CustomResourceOptions child) {
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("aws:kms").kmsMasterKeyId(args.keyArn()).build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), child);
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), child);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        var policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(PolicyDocument.of(policyStatements(bucket.arn(), args.extraStatements())))
                .build(), CustomResourceOptions.merge(child,
                CustomResourceOptions.builder().dependsOn(publicAccess).build()));
        return Output.all(encryption.id(), versioning.id(), publicAccess.id(), ownership.id(), policy.id())
                .apply(ids -> bucket.bucket());
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
