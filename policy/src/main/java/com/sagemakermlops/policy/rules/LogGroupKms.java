package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Log groups are encrypted with a KMS key. */
public final class LogGroupKms extends RequiredProperty {
    public LogGroupKms() {
        super("log-group-kms",
                "CloudWatch log groups are encrypted with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set kmsKeyId to the ARN of a KMS key whose policy allows the logs.<region>.amazonaws.com principal.",
                List.of("NIST.800.53.R5-CloudWatchLogGroupEncrypted", "HIPAA.Security-CloudWatchLogGroupEncrypted",
                        "CKV_AWS_158"),
                Set.of(Types.LOG_GROUP),
                "kmsKeyId", Expectation.isSet());
    }
}
