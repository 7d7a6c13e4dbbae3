package com.sagemakermlops.components.iam;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.BuildPolicy;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;

/**
 * A CodeBuild role's {@code buildPolicies}: each {@code policyDocument} becomes a managed policy tagged with its
 * policy-pack suppressions and attached to the role; each {@code policyArn} is attached as is.
 */
public final class BuildPolicyAttachments {
    private BuildPolicyAttachments() {
    }

    /**
     * @param name    logical name prefix; entries are numbered in configuration order
     * @param purpose physical name purpose of the policies, e.g. {@code training-build}
     * @return the attachments, for builds to depend on
     */
    public static List<Resource> attach(String name, String purpose, List<BuildPolicy> policies, Role role,
                                        Naming naming, Tags tags, CustomResourceOptions options) {
        List<Resource> attachments = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            BuildPolicy entry = policies.get(i);
            int number = i + 1;
            String entryName = name + "-" + number;
            Output<String> policyArn = entry.policyArn().map(Output::of).orElseGet(() -> new Policy(entryName,
                    PolicyArgs.builder()
                            .name(naming.physical(PhysicalName.IAM_POLICY, purpose + "-" + number))
                            .description("buildPolicies entry " + number + " of " + purpose)
                            .policy(entry.policyDocumentJson().orElseThrow())
                            .tags(tags.withSuppressions(entry.suppressions()).asMap())
                            .build(), options).arn());
            attachments.add(new RolePolicyAttachment(entryName, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArn)
                    .build(), options));
        }
        return attachments;
    }
}
