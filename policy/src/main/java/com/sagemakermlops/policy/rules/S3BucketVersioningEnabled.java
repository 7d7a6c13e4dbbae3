package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Bucket versioning is enabled. */
public final class S3BucketVersioningEnabled extends RequiredProperty {
    public S3BucketVersioningEnabled() {
        super("s3-bucket-versioning-enabled",
                "S3 bucket versioning is enabled, so overwritten or deleted objects (models, data) can be recovered.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Set versioningConfiguration.status to \"Enabled\".",
                List.of("NIST.800.53.R5-S3BucketVersioningEnabled", "HIPAA.Security-S3BucketVersioningEnabled",
                        "CKV_AWS_21"),
                Set.of(Types.BUCKET_VERSIONING),
                "versioningConfiguration.status", Expectation.equalTo("Enabled"));
    }
}
