package com.sagemakermlops.components.store;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * The product's shared store as the components that use it see it: the key, the model bucket, the registry, the
 * folder of model artifacts the target accounts read, and where key grants are declared.
 *
 * @param keyArn               the product key (created, or brought); required
 * @param bucket               the model bucket; required
 * @param registry             the model package group; required
 * @param modelArtifactsPrefix the bucket folder holding model artifacts, without trailing slash; required
 * @param keyGrants            where components declare what the key policy grants their principals; required
 */
public record ModelStoreRef(Output<String> keyArn, Bucket bucket, Registry registry, String modelArtifactsPrefix,
                            KeyGrants keyGrants) {

    /** @param name the bucket name, once every setting that protects it is in place */
    public record Bucket(Output<String> name, Output<String> arn) {
    }

    /** @param name the model package group's name (its ARN uses it in lower case) */
    public record Registry(String name, Output<String> arn) {
    }

    public ModelStoreRef {
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(modelArtifactsPrefix, "modelArtifactsPrefix");
        Objects.requireNonNull(keyGrants, "keyGrants");
    }

    public Output<String> bucketName() {
        return bucket.name();
    }

    public Output<String> bucketArn() {
        return bucket.arn();
    }

    /** The objects of the bucket under {@code prefix}: {@code <bucket ARN>/<prefix>*}. */
    public Output<String> objects(String prefix) {
        return bucket.arn().applyValue(arn -> arn + "/" + prefix + "*");
    }

    /** The objects of the model artifacts folder, which the stage accounts' endpoints read. */
    public Output<String> modelArtifactsArn() {
        return objects(modelArtifactsPrefix + "/");
    }

    public String registryName() {
        return registry.name();
    }

    /** The group's name once the group exists: for inputs that must wait for it. */
    public Output<String> createdRegistryName() {
        return registry.arn().applyValue(arn -> registry.name());
    }

    public Output<String> registryArn() {
        return registry.arn();
    }
}
