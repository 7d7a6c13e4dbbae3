package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** SNS topics are encrypted with a customer-managed KMS key. */
public final class SnsTopicKms extends RequiredProperty {
    public SnsTopicKms() {
        super("sns-topic-kms",
                "SNS topics use server-side encryption with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set kmsMasterKeyId to a customer-managed KMS key whose policy lets the publishing services use it.",
                List.of("AwsSolutions-SNS2", "NIST.800.53.R5-SNSEncryptedKMS", "HIPAA.Security-SNSEncryptedKMS",
                        "CKV_AWS_26"),
                Set.of(Types.SNS_TOPIC),
                "kmsMasterKeyId", Expectation.customerManagedKey("the AWS-managed aws/sns key"));
    }
}
