package com.sagemakermlops.components.deploy;

import com.pulumi.asset.AssetOrArchive;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.Tier;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Inputs of {@link DeployPipeline}.
 *
 * @param deploy          the MDAA {@code deploy} block (stages, approval, trigger, backend, build policies); needs
 *                        a preProdEnvironment or a prodEnvironment; required
 * @param product         names, tags (with the deploy project's name), tooling account, tier and role boundary;
 *                        required
 * @param store           the model bucket (the pipeline's artifact store), the key and the registry the deploy
 *                        builds read; required
 * @param source          where the model-deploy code lives; required
 * @param sourceAdditions files added beside the deploy seed code (this program, for the deploy builds to run);
 *                        default none
 */
public record DeployPipelineArgs(
        DeployConfig deploy,
        ProductContext product,
        ModelStoreRef store,
        SourceSettings source,
        Map<String, AssetOrArchive> sourceAdditions) {

    public DeployPipelineArgs {
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(source, "source");
        sourceAdditions = new TreeMap<>(sourceAdditions);
        if (!DeployStages.deploysAnything(deploy)) {
            throw new IllegalArgumentException("a deploy pipeline needs deploy.preProdEnvironment or "
                    + "deploy.prodEnvironment: without a target it has nothing to deploy to");
        }
    }

    /** True when a model approval starts the pipeline (Professional and up, {@code enableEventBridgeTrigger}). */
    public boolean triggersOnApproval() {
        return product.tier().atLeast(Tier.PROFESSIONAL) && deploy.enableEventBridgeTrigger();
    }

    /** The deploy pipeline's physical name. */
    String pipelineName() {
        return product.naming().pipeline("deploy");
    }

    DeployPolicies.Scope scope() {
        AwsScope aws = product.scope();
        return new DeployPolicies.Scope(aws.partition(), aws.region(), aws.accountId(), product.naming().productName(),
                store.bucketArn(), ArtifactStores.folderOf(pipelineName()), store.keyArn(), store.registryArn());
    }
}
