package com.sagemakermlops.components.deploy;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.naming.Naming;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link DeployPipeline}.
 *
 * @param source               the deploy repository's source action, the access it needs and what the deploy
 *                             builds run from it
 * @param artifactBucketName   the model bucket, used as the pipeline's artifact store
 * @param cmkArn               the product key: artifacts, build output, state bucket
 * @param permissionsBoundary  set on every role when present (Enterprise)
 */
public record DeployPipelineArgs(
        DeployConfig deploy,
        Tier tier,
        Naming naming,
        Tags tags,
        String partition,
        String region,
        String accountId,
        PipelineSource source,
        Output<String> artifactBucketName,
        Output<String> artifactBucketArn,
        Output<String> cmkArn,
        Output<String> modelPackageGroupName,
        Output<String> modelPackageGroupArn,
        Optional<Output<String>> permissionsBoundary) {

    public DeployPipelineArgs {
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(artifactBucketName, "artifactBucketName");
        Objects.requireNonNull(artifactBucketArn, "artifactBucketArn");
        Objects.requireNonNull(cmkArn, "cmkArn");
        Objects.requireNonNull(modelPackageGroupName, "modelPackageGroupName");
        Objects.requireNonNull(modelPackageGroupArn, "modelPackageGroupArn");
        Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
        if (!DeployStages.deploysAnything(deploy)) {
            throw new IllegalArgumentException("a deploy pipeline needs deploy.preProdEnvironment or "
                    + "deploy.prodEnvironment: without a target it has nothing to deploy to");
        }
    }

    /** True when a model approval starts the pipeline (Professional and up, {@code enableEventBridgeTrigger}). */
    public boolean triggersOnApproval() {
        return tier.atLeast(Tier.PROFESSIONAL) && deploy.enableEventBridgeTrigger();
    }

    /** The deploy pipeline's physical name. */
    String pipelineName() {
        return naming.pipeline("deploy");
    }

    DeployPolicies.Scope scope() {
        return new DeployPolicies.Scope(partition, region, accountId, naming.productName(), artifactBucketArn,
                ArtifactStores.folderOf(pipelineName()), cmkArn, modelPackageGroupArn);
    }
}
