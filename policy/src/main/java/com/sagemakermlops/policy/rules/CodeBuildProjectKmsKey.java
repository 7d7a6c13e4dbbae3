package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** CodeBuild encrypts build artifacts with a customer-managed KMS key. */
public final class CodeBuildProjectKmsKey extends ResourcePolicy {
    public CodeBuildProjectKmsKey() {
        super("codebuild-project-kms-key",
                "CodeBuild projects encrypt build output with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set encryptionKey to the ARN of a customer-managed KMS key.",
                List.of("AwsSolutions-CB4", "CKV_AWS_147"),
                Set.of(Types.CODEBUILD_PROJECT));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!p.has("encryptionKey")) {
            sink.violation(r, "encryptionKey is not set");
        } else if (!p.isUnknown("encryptionKey") && Keys.isAwsManagedAlias(p.string("encryptionKey"))) {
            sink.violation(r, "encryptionKey is an AWS-managed key, not a customer-managed key");
        }
    }
}
