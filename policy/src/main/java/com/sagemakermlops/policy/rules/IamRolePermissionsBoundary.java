package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Roles carry a permissions boundary. */
public final class IamRolePermissionsBoundary extends RequiredProperty {
    public IamRolePermissionsBoundary() {
        super("iam-role-permissions-boundary",
                "IAM roles have a permissions boundary capping what their policies can grant.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Set permissionsBoundary to the platform's boundary policy ARN.",
                List.of(),
                Set.of(Types.IAM_ROLE),
                "permissionsBoundary", Expectation.isSet());
    }
}
