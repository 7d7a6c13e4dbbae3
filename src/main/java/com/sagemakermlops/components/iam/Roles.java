package com.sagemakermlops.components.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;

import java.util.List;
import java.util.Optional;

/**
 * Roles as every component creates them: a physical name, a description of the role's one duty, its trust policy,
 * the permissions boundary when one is configured, and the product's tags. Permissions are attached separately.
 */
public final class Roles {
    private Roles() {
    }

    /**
     * @param roleName            the physical role name
     * @param trustPolicy         the assume-role policy document
     * @param permissionsBoundary the managed policy every role of the product is bounded by, when configured
     */
    public record Spec(String roleName, String description, Output<String> trustPolicy,
                       Optional<Output<String>> permissionsBoundary, Tags tags) {

        /** A role an AWS service assumes: its trust, and the tags with what that trust needs beside them. */
        public Spec(String roleName, String description, ServiceTrust.Trust trust,
                    Optional<Output<String>> permissionsBoundary, Tags tags) {
            this(roleName, description, trust.policy(), permissionsBoundary, trust.tagged(tags));
        }
    }

    public static Role create(String name, Spec spec, CustomResourceOptions options) {
        return new Role(name, args(spec).build(), options);
    }

    /** The role's arguments, for a role that also carries inline policies. */
    public static RoleArgs.Builder args(Spec spec) {
        RoleArgs.Builder args = RoleArgs.builder()
                .name(spec.roleName())
                .description(spec.description())
                .assumeRolePolicy(spec.trustPolicy())
                .tags(spec.tags().asMap());
        spec.permissionsBoundary().ifPresent(args::permissionsBoundary);
        return args;
    }

    /** The description of a role that does one duty. */
    public static String oneDuty(String name, String roleName) {
        return "The " + name + " role of " + roleName + ": one duty, least privilege";
    }

    /** The role's permissions: one inline policy named {@code permissions}. */
    public static RolePolicy permissions(String name, Role role, List<Statement> statements,
                                         CustomResourceOptions options) {
        return new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.name())
                .name("permissions")
                .policy(PolicyDocument.of(statements))
                .build(), options);
    }
}
