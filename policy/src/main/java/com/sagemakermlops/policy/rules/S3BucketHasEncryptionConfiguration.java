package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.Severity;

/** Every bucket has an SSE-KMS default encryption configuration. */
public final class S3BucketHasEncryptionConfiguration extends BucketCompanionPolicy {
    public S3BucketHasEncryptionConfiguration() {
        super("s3-bucket-has-encryption-configuration",
                "Every S3 bucket has a BucketServerSideEncryptionConfigurationV2 (checked by s3-bucket-sse-kms-cmk).",
                Severity.HIGH,
                "Create a BucketServerSideEncryptionConfigurationV2 for the bucket with sseAlgorithm \"aws:kms\" "
                        + "and a customer-managed kmsMasterKeyId.",
                S3BucketSseKmsCmk.IDS, Types.BUCKET_SSE);
    }

    @Override
    boolean inline(PolicyResource bucket) {
        Props p = new Props(bucket.properties());
        return !p.isUnknown("serverSideEncryptionConfigurations")
                && !p.list("serverSideEncryptionConfigurations").isEmpty();
    }
}
