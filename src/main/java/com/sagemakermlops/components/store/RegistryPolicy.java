package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;

import java.util.Collection;
import java.util.List;

/**
 * The model package group's resource policy, as the SageMaker cross-account model registry documentation lays it
 * out, without {@code UpdateModelPackage}: target accounts see the group and its versions and create models from
 * them; approving stays in the tooling account.
 */
public final class RegistryPolicy {
    private RegistryPolicy() {
    }

    static List<Statement> statements(Arns arns, String groupName, Collection<String> targets) {
        List<String> accounts = arns.roots(targets);
        return List.of(
                Statement.allow("DescribeModelPackageGroupByTargetAccounts", "sagemaker:DescribeModelPackageGroup")
                        .principals("AWS", accounts)
                        .on(group(arns, groupName)),
                Statement.allow("UseModelPackagesByTargetAccounts", "sagemaker:DescribeModelPackage",
                                "sagemaker:ListModelPackages", "sagemaker:CreateModel")
                        .principals("AWS", accounts)
                        .on(modelPackages(arns, groupName)));
    }

    /** {@code model-package-group/<group>}, named before the group exists. */
    public static Output<String> group(Arns arns, String groupName) {
        return arns.regional("sagemaker", Arns.sagemakerResource("model-package-group", groupName));
    }

    /** Every version of the group: {@code model-package/<group>/*}. */
    public static Output<String> modelPackages(Arns arns, String groupName) {
        return arns.regional("sagemaker", Arns.sagemakerResource("model-package", groupName) + "/*");
    }
}
