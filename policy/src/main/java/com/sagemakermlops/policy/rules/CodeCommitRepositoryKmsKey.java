package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CodeCommit repositories are encrypted with a customer-managed KMS key, whether the provider creates them
 * ({@code kmsKeyId}) or a CloudFormation stack does (each {@code AWS::CodeCommit::Repository} of its
 * {@code templateBody}: {@code KmsKeyId}). Without a key CodeCommit uses the AWS-managed {@code aws/codecommit} key.
 * An intrinsic function as {@code KmsKeyId} (a {@code Ref} or {@code Fn::GetAtt} of a key) counts as a key.
 */
public final class CodeCommitRepositoryKmsKey extends ResourcePolicy {
    static final String TEMPLATE_TYPE = "AWS::CodeCommit::Repository";

    public CodeCommitRepositoryKmsKey() {
        super("codecommit-repository-kms-key",
                "CodeCommit repositories, created directly or in a CloudFormation template, are encrypted with a "
                        + "customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set kmsKeyId of the repository, or KmsKeyId of the AWS::CodeCommit::Repository in the stack's "
                        + "template, to the ARN of a customer-managed KMS key.",
                List.of(),
                Set.of(Types.CODECOMMIT_REPOSITORY, Types.CLOUDFORMATION_STACK));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (r.type().equals(Types.CODECOMMIT_REPOSITORY)) {
            String problem = RequiredProperty.Expectation.customerManagedKey("the AWS-managed aws/codecommit key")
                    .problem(p, "kmsKeyId");
            if (problem != null) {
                sink.violation(r, "kmsKeyId " + problem);
            }
            return;
        }
        if (!p.has("templateBody")) {
            return;
        }
        Map<String, Object> template;
        try {
            template = CloudFormationTemplates.parse(p.string("templateBody"));
        } catch (IllegalArgumentException e) {
            sink.violation(r, "templateBody " + e.getMessage() + ": its CodeCommit repositories cannot be checked");
            return;
        }
        CloudFormationTemplates.resources(template, TEMPLATE_TYPE).forEach((id, resource) -> {
            Object properties = resource.get("Properties");
            Object key = properties instanceof Map<?, ?> map ? map.get("KmsKeyId") : null;
            String path = "templateBody Resources." + id + ".Properties.KmsKeyId";
            if (key == null || (key instanceof String text && text.isBlank())) {
                sink.violation(r, path + " is not set");
            } else if (key instanceof String text && Keys.isAwsManagedAlias(text)) {
                sink.violation(r, path + " is the AWS-managed aws/codecommit key, not a customer-managed key");
            }
        });
    }
}
