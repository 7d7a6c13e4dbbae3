package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** CodeBuild encrypts build artifacts with a customer-managed KMS key. */
public final class CodeBuildProjectKmsKey extends RequiredProperty {
    public CodeBuildProjectKmsKey() {
        super("codebuild-project-kms-key",
                "CodeBuild projects encrypt build output with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set encryptionKey to the ARN of a customer-managed KMS key.",
                List.of("AwsSolutions-CB4", "CKV_AWS_147"),
                Set.of(Types.CODEBUILD_PROJECT),
                "encryptionKey", Expectation.customerManagedKey("an AWS-managed key"));
    }
}
