package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;

import java.util.List;

/**
 * What a permissions boundary of the product denies whatever it allows: IAM users and long-lived keys, and any way
 * for the product's roles to shed, replace or rewrite the boundary.
 */
public final class BoundaryDenies {
    private BoundaryDenies() {
    }

    /**
     * @param roles       the ARN pattern of the product's roles the boundary applies to
     * @param boundaryArn the boundary itself
     */
    public static List<Statement> of(String roles, Output<String> boundaryArn) {
        return List.of(
                Statement.deny("DenyIamUsersAndKeys", "iam:CreateUser", "iam:CreateAccessKey",
                                "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:CreateLoginProfile")
                        .onAnyResourceBecause("no role of the product creates users or long-lived keys anywhere"),
                Statement.deny("DenyBoundaryRemoval", "iam:DeleteRolePermissionsBoundary").on(roles),
                Statement.deny("DenyOtherBoundary", "iam:PutRolePermissionsBoundary", "iam:CreateRole")
                        .on(roles)
                        .when("StringNotEquals", "iam:PermissionsBoundary", boundaryArn),
                Statement.deny("DenyBoundaryChange", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion",
                                "iam:SetDefaultPolicyVersion", "iam:DeletePolicy")
                        .on(boundaryArn));
    }
}
