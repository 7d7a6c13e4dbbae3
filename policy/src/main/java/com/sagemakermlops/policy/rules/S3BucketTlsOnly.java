package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Bucket policies deny requests that do not use TLS. */
public final class S3BucketTlsOnly extends ResourcePolicy {
    static final List<String> IDS = List.of("AwsSolutions-S10", "NIST.800.53.R5-S3BucketSSLRequestsOnly",
            "HIPAA.Security-S3BucketSSLRequestsOnly");

    public S3BucketTlsOnly() {
        super("s3-bucket-tls-only",
                "S3 bucket policies deny every request made without TLS (aws:SecureTransport false).",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Add a statement {Effect: Deny, Principal: \"*\", Action: \"s3:*\", Resource: [bucket ARN, "
                        + "bucket ARN/*], Condition: {Bool: {aws:SecureTransport: \"false\"}}}.",
                IDS, Set.of(Types.BUCKET_POLICY));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        DocumentProperty.checkDeniesInsecureTransport(r, p, true, sink);
    }
}
