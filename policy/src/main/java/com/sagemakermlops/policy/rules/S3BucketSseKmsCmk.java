package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Bucket default encryption is SSE-KMS with a customer-managed key. */
public final class S3BucketSseKmsCmk extends ResourcePolicy {
    static final List<String> IDS = List.of("NIST.800.53.R5-S3DefaultEncryptionKMS",
            "HIPAA.Security-S3DefaultEncryptionKMS", "NIST.800.53.R5-S3BucketServerSideEncryptionEnabled",
            "HIPAA.Security-S3BucketServerSideEncryptionEnabled", "CKV_AWS_145", "CKV_AWS_19");

    public S3BucketSseKmsCmk() {
        super("s3-bucket-sse-kms-cmk",
                "S3 bucket default encryption uses SSE-KMS with a customer-managed key (not AES256, not aws/s3).",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set rules[].applyServerSideEncryptionByDefault to sseAlgorithm \"aws:kms\" with kmsMasterKeyId "
                        + "the ARN of a customer-managed KMS key.",
                IDS, Set.of(Types.BUCKET_SSE));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        List<Props> rules = p.objects("rules");
        if (rules.isEmpty()) {
            sink.violation(r, "rules is empty: no default encryption");
            return;
        }
        for (Props rule : rules) {
            Props def = rule.object("applyServerSideEncryptionByDefault");
            if (def == null) {
                sink.violation(r, rule.path("applyServerSideEncryptionByDefault") + " is not set");
                continue;
            }
            String algorithm = def.string("sseAlgorithm");
            if (!"aws:kms".equals(algorithm) && !"aws:kms:dsse".equals(algorithm)) {
                sink.violation(r, def.path("sseAlgorithm") + " is " + quote(algorithm) + ", not aws:kms");
            } else if (!def.has("kmsMasterKeyId")) {
                sink.violation(r, def.path("kmsMasterKeyId") + " is not set: the AWS-managed aws/s3 key is used");
            } else if (Keys.isAwsManaged(def, "kmsMasterKeyId")) {
                sink.violation(r, def.path("kmsMasterKeyId") + " is the AWS-managed key, not a customer-managed key");
            }
        }
    }

    static String quote(String v) {
        return v == null ? "not set" : "\"" + v + "\"";
    }
}
