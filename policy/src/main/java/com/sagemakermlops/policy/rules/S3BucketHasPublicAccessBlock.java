package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Severity;

import java.util.ArrayList;
import java.util.List;

/** Every bucket has a public access block. */
public final class S3BucketHasPublicAccessBlock extends BucketCompanionPolicy {
    public S3BucketHasPublicAccessBlock() {
        super("s3-bucket-has-public-access-block",
                "Every S3 bucket has a BucketPublicAccessBlock (checked by s3-bucket-public-access-block).",
                Severity.HIGH,
                "Create a BucketPublicAccessBlock for the bucket with all four settings true.",
                ids(), Types.BUCKET_PAB);
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>(S3BucketPublicAccessBlock.IDS);
        ids.add("CKV2_AWS_6");
        return ids;
    }
}
