package com.sagemakermlops.components.bootstrap;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CrossAccountBootstrap} creates in one target account, and the tooling resources its roles are scoped to.
 *
 * @param environment          the target account; must carry a {@code bootstrapRoleArn}
 * @param deployBuildRoleArn   the tooling deploy build role of this stage, which the deploy role trusts
 * @param modelBucketArn       the tooling model bucket (data capture)
 * @param modelArtifactsArn    the objects of the bucket the hosted models are read from (the SageMaker pipeline's
 *                             folder)
 * @param kmsKeyArn            the tooling CMK
 * @param modelPackageGroupArn the tooling model package group whose versions are deployed
 * @param withBoundary         bound both roles by a stage boundary policy created in the target account
 * @param operatorRoleArns     roles the deploy role trusts as well, with the same external ID
 */
public record CrossAccountBootstrapArgs(
        TargetEnvironment environment,
        Naming naming,
        Tags tags,
        Output<String> deployBuildRoleArn,
        Output<String> modelBucketArn,
        Output<String> modelArtifactsArn,
        Output<String> kmsKeyArn,
        Output<String> modelPackageGroupArn,
        boolean withBoundary,
        List<String> operatorRoleArns) {

    public CrossAccountBootstrapArgs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(deployBuildRoleArn, "deployBuildRoleArn");
        Objects.requireNonNull(modelBucketArn, "modelBucketArn");
        Objects.requireNonNull(modelArtifactsArn, "modelArtifactsArn");
        Objects.requireNonNull(kmsKeyArn, "kmsKeyArn");
        Objects.requireNonNull(modelPackageGroupArn, "modelPackageGroupArn");
        operatorRoleArns = List.copyOf(operatorRoleArns);
    }
}
