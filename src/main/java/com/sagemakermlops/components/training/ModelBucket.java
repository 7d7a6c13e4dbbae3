package com.sagemakermlops.components.training;

import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.storage.SecureBucket;

import java.util.List;
import java.util.function.Function;

/**
 * The model bucket: a {@link SecureBucket} with the model bucket's policy, and object events sent to EventBridge
 * where S3 sources start pipelines on them. Its name and ARN are available once every setting is in place.
 */
record ModelBucket(Output<String> name, Output<String> arn) {

    /** @param eventBridge whether object events go to EventBridge (S3 sources start pipelines on them) */
    record Args(String bucketName, Output<String> keyArn, boolean eventBridge, Tags tags) {
    }

    /** @param policy the statements after the TLS-only deny, given the bucket ARN */
    static ModelBucket create(String name, Args args, Function<Output<String>, List<Statement>> policy,
                              CustomResourceOptions options) {
        SecureBucket bucket = SecureBucket.create(name, new SecureBucket.Args(args.bucketName(), args.keyArn(),
                args.tags(), policy), options);
        if (!args.eventBridge()) {
            return new ModelBucket(bucket.name(), bucket.arn());
        }
        var notification = new BucketNotification(name, BucketNotificationArgs.builder()
                .bucket(bucket.name())
                .eventbridge(true)
                .build(), options);
        Output<String> notified = notification.id();
        return new ModelBucket(notified.apply(id -> bucket.name()), notified.apply(id -> bucket.arn()));
    }
}
