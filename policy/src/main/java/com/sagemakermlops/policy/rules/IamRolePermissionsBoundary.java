package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Roles carry a permissions boundary. */
public final class IamRolePermissionsBoundary extends ResourcePolicy {
    public IamRolePermissionsBoundary() {
        super("iam-role-permissions-boundary",
                "IAM roles have a permissions boundary capping what their policies can grant.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Set permissionsBoundary to the platform's boundary policy ARN.",
                List.of(),
                Set.of(Types.IAM_ROLE));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!p.has("permissionsBoundary")) {
            sink.violation(r, "permissionsBoundary is not set");
        }
    }
}
