package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Severity;

/** Every bucket has a bucket policy (which s3-bucket-tls-only checks denies non-TLS requests). */
public final class S3BucketHasTlsPolicy extends BucketCompanionPolicy {
    public S3BucketHasTlsPolicy() {
        super("s3-bucket-has-tls-policy",
                "Every S3 bucket has a BucketPolicy (checked by s3-bucket-tls-only to deny requests without TLS).",
                Severity.HIGH,
                "Create a BucketPolicy for the bucket with a Deny statement on aws:SecureTransport \"false\".",
                S3BucketTlsOnly.IDS, Types.BUCKET_POLICY);
    }

    @Override
    boolean inline(PolicyResource bucket) {
        Object v = bucket.properties().get("policy");
        return v != null && !(v instanceof String s && s.isBlank());
    }
}
