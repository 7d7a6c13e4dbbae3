package com.sagemakermlops.components.training;

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
final class RegistryPolicy {
    private RegistryPolicy() {
    }

    static List<Statement> statements(Arns arns, String groupName, Collection<String> targets) {
        Statement group = Statement.allow("DescribeModelPackageGroupByTargetAccounts",
                        "sagemaker:DescribeModelPackageGroup")
                .on(arns.regional("sagemaker", TrainingNames.sagemakerResource("model-package-group", groupName)));
        Statement versions = Statement.allow("UseModelPackagesByTargetAccounts",
                        "sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages", "sagemaker:CreateModel")
                .on(modelPackages(arns, groupName));
        targets.stream().distinct().forEach(account -> {
            group.principal("AWS", arns.root(account));
            versions.principal("AWS", arns.root(account));
        });
        return List.of(group, versions);
    }

    static Output<String> modelPackages(Arns arns, String groupName) {
        return arns.regional("sagemaker", TrainingNames.sagemakerResource("model-package", groupName) + "/*");
    }
}
