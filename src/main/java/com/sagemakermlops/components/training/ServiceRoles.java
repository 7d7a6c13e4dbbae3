package com.sagemakermlops.components.training;

import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;

import java.util.Optional;

/**
 * Roles of one duty each: the role carries its trust policy, tags and permissions boundary; its permissions are a
 * separate policy ({@link Roles#permissions}), so roles can be named in key and bucket policies before those resources exist.
 */
final class ServiceRoles {
    private ServiceRoles() {
    }

    static Role role(String name, String roleName, ServiceTrust.Trust trust, Tags tags,
                     Optional<Output<String>> permissionsBoundary, CustomResourceOptions options) {
        return Roles.create(name, new Roles.Spec(roleName,
                Roles.oneDuty(name, roleName), trust, permissionsBoundary,
                tags), options);
    }
}
