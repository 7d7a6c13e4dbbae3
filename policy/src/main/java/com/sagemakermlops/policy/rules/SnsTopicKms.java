package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** SNS topics are encrypted with a customer-managed KMS key. */
public final class SnsTopicKms extends ResourcePolicy {
    public SnsTopicKms() {
        super("sns-topic-kms",
                "SNS topics use server-side encryption with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set kmsMasterKeyId to a customer-managed KMS key whose policy lets the publishing services use it.",
                List.of("AwsSolutions-SNS2", "NIST.800.53.R5-SNSEncryptedKMS", "HIPAA.Security-SNSEncryptedKMS",
                        "CKV_AWS_26"),
                Set.of(Types.SNS_TOPIC));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!p.has("kmsMasterKeyId")) {
            sink.violation(r, "kmsMasterKeyId is not set");
        } else if (!p.isUnknown("kmsMasterKeyId") && Keys.isAwsManagedAlias(p.string("kmsMasterKeyId"))) {
            sink.violation(r, "kmsMasterKeyId is the AWS-managed aws/sns key, not a customer-managed key");
        }
    }
}
