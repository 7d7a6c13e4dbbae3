package com.sagemakermlops.components.security;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.storage.SecureBucket;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.List;
import java.util.Map;

/**
 * A multi-region CloudTrail trail with log file validation, global service events, log files in a CMK-encrypted,
 * versioned, private, TLS-only bucket, and delivery to the security log group through a role that may only write
 * that group's streams.
 */
public final class AuditTrail extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:security:AuditTrail";

    private final Output<String> trailArn;
    private final Output<String> bucketName;

    public AuditTrail(String name, AuditTrailArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Map<String, String> tags = args.product().tags().asMap();
        Output<String> accountId = Output.of(args.product().scope().accountId());
        Output<String> expectedArn = trailArn(args.product().naming(), args.product().scope().partition(),
                args.product().scope().region(), accountId);

        SecureBucket bucket = new SecureBucket(name + "-logs", new SecureBucket.Args(
                args.product().naming().physical(PhysicalName.S3_BUCKET, "audit-trail"), args.keyArn(), args.product().tags(),
                bucketArn -> cloudTrailStatements(bucketArn, expectedArn, accountId)),
                ComponentResourceOptions.builder().parent(this).build());

        Role delivery = new Role(name + "-delivery-role", Roles.args(new Roles.Spec(
                        args.product().naming().physical(PhysicalName.IAM_ROLE, "trail-delivery"),
                        "CloudTrail delivery of " + args.product().naming().productName() + " events to its security log group",
                        ServiceTrust.CLOUDTRAIL_LOGS_DELIVERY.trust(accountId, expectedArn),
                        args.product().permissionsBoundary(), args.product().tags()))
                .inlinePolicies(RoleInlinePolicyArgs.builder()
                        .name("write-security-log-group")
                        .policy(PolicyDocument.of(deliveryStatement(args.logGroupArn())))
                        .build())
                .build(), child);

        Trail trail = new Trail(name, TrailArgs.builder()
                .name(trailName(args.product().naming()))
                .s3BucketName(bucket.name())
                .kmsKeyId(args.keyArn())
                .cloudWatchLogsGroupArn(args.logGroupArn().applyValue(arn -> arn + ":*"))
                .cloudWatchLogsRoleArn(delivery.arn())
                .enableLogFileValidation(true)
                .includeGlobalServiceEvents(true)
                .isMultiRegionTrail(true)
                .tags(tags)
                .build(), child);

        this.trailArn = trail.arn();
        this.bucketName = bucket.name();
        registerOutputs(Map.of("trailArn", trailArn, "bucketName", bucketName));
    }

    public Output<String> trailArn() {
        return trailArn;
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public static String trailName(Naming naming) {
        return naming.physical(PhysicalName.CLOUDTRAIL, "audit");
    }

    /** Known before the trail exists: the bucket and key policies name it as the only allowed source. */
    public static Output<String> trailArn(Naming naming, String partition, String region, Output<String> accountId) {
        return new Arns(partition, region, accountId).regional("cloudtrail", "trail/" + trailName(naming));
    }

    /** CloudTrail's bucket access for this trail alone (ACL check, owner-controlled writes). */
    static List<Statement> cloudTrailStatements(Output<String> bucketArn, Output<String> trailArn,
                                                Output<String> accountId) {
        Output<String> logPrefix = Output.tuple(bucketArn, accountId)
                .applyValue(t -> t.t1 + "/AWSLogs/" + t.t2 + "/*");
        return List.of(
                Statement.allow("AWSCloudTrailAclCheck", "s3:GetBucketAcl")
                        .principal("Service", "cloudtrail.amazonaws.com")
                        .on(bucketArn)
                        .when("StringEquals", "aws:SourceArn", trailArn),
                Statement.allow("AWSCloudTrailWrite", "s3:PutObject")
                        .principal("Service", "cloudtrail.amazonaws.com")
                        .on(logPrefix)
                        .when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .when("StringEquals", "aws:SourceArn", trailArn));
    }

    static Statement deliveryStatement(Output<String> logGroupArn) {
        return Statement.allow("WriteSecurityLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")
                .on(logGroupArn.applyValue(arn -> arn + ":log-stream:*"));
    }
}
