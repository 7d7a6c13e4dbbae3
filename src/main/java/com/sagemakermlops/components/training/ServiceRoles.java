package com.sagemakermlops.components.training;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Optional;

/**
 * Roles of one duty each: the role carries its trust policy, tags and permissions boundary; its permissions are a
 * separate {@link RolePolicy}, so roles can be named in key and bucket policies before those resources exist.
 */
final class ServiceRoles {
    private ServiceRoles() {
    }

    static Role role(String name, String roleName, Output<String> trust, Tags tags,
                     Optional<Output<String>> permissionsBoundary, CustomResourceOptions options) {
        return Roles.create(name, new Roles.Spec(roleName,
                "The " + name + " role of " + roleName + ": one duty, least privilege", trust, permissionsBoundary,
                tags), options);
    }

    static RolePolicy permissions(String name, Role role, List<Statement> statements, CustomResourceOptions options) {
        return new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.name())
                .name("permissions")
                .policy(PolicyDocument.of(statements))
                .build(), options);
    }
}
