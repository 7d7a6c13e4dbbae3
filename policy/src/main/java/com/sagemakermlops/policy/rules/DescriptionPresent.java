package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Keys, roles, policies, security groups and build projects say what they are for. */
public final class DescriptionPresent extends ResourcePolicy {
    public DescriptionPresent() {
        super("description-present",
                "KMS keys, IAM roles and policies, security groups and CodeBuild projects have a description.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Set description to what the resource is for (security groups: not the default "
                        + "\"Managed by Pulumi\").",
                List.of(),
                Set.of(Types.KMS_KEY, Types.IAM_ROLE, Types.IAM_POLICY, Types.SECURITY_GROUP,
                        Types.CODEBUILD_PROJECT));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!p.has("description")) {
            sink.violation(r, "description is not set");
        } else if (!p.isUnknown("description") && "Managed by Pulumi".equals(p.string("description"))) {
            sink.violation(r, "description is the default \"Managed by Pulumi\"");
        }
    }
}
