package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** All four public access block settings are on. */
public final class S3BucketPublicAccessBlock extends ResourcePolicy {
    static final List<String> IDS = List.of("AwsSolutions-S2", "NIST.800.53.R5-S3BucketLevelPublicAccessProhibited",
            "HIPAA.Security-S3BucketLevelPublicAccessProhibited", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55",
            "CKV_AWS_56");
    private static final List<String> SETTINGS = List.of("blockPublicAcls", "blockPublicPolicy",
            "ignorePublicAcls", "restrictPublicBuckets");

    public S3BucketPublicAccessBlock() {
        super("s3-bucket-public-access-block",
                "S3 bucket public access blocks turn on all four settings.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true.",
                IDS, Set.of(Types.BUCKET_PAB));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        List<String> off = new ArrayList<>();
        for (String key : SETTINGS) {
            if (!Boolean.TRUE.equals(p.bool(key))) {
                off.add(key);
            }
        }
        if (!off.isEmpty()) {
            sink.violation(r, String.join(", ", off) + (off.size() == 1 ? " is" : " are") + " not true");
        }
    }
}
