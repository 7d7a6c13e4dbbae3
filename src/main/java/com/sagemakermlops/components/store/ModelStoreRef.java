package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The product's shared store as the components that use it see it: the key, the model bucket, the registry, the
 * folder of model artifacts the target accounts read, and where key grants are declared.
 *
 * <p>A role's access to the bucket and the key is declared once, with the {@code grant} methods: each returns the
 * statements of the role's own policy ({@link StoreAccess}, combined with {@link StoreAccess#and}) and declares the
 * key policy's side. A role of the store's account is named by the key policy ({@code KeyUseBy<name>}) whenever it
 * is granted any object of the bucket, and its own policy names the objects only. A target stage's role is granted
 * through its account, with what the store shares with it (the key and bucket policies' statements for the target
 * accounts), so its own policy names the key as well.
 *
 * @param keyArn               the product key (created, or brought); required
 * @param bucket               the model bucket; required
 * @param registry             the model package group; required
 * @param modelArtifactsPrefix the bucket folder holding model artifacts, without trailing slash; required
 * @param keyGrants            where components declare what the key policy grants their principals; required
 * @param sharedWith           the account of each target stage the key and bucket policies share the store with
 *                             ({@link ModelStoreArgs#targetAccounts()}); empty when the bucket is brought, whose own
 *                             policy (and the brought key's) decide what the stage accounts may do
 */
public record ModelStoreRef(Output<String> keyArn, Bucket bucket, Registry registry, String modelArtifactsPrefix,
                            KeyGrants keyGrants, Optional<Map<TargetEnvironment.Stage, String>> sharedWith) {

    /** What a build or pipeline reads of the bucket itself to use it as its artifact store. */
    public static final Set<String> BUCKET_LOOKUPS = Set.of("s3:GetBucketAcl", "s3:GetBucketLocation",
            "s3:GetBucketVersioning");

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
        sharedWith = sharedWith.map(Map::copyOf);
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

    /** {@code grantee} reads the objects under {@code prefix} ({@code Read<label>}: {@code s3:GetObject}). */
    public StoreAccess grantRead(Grantee grantee, String label, String prefix) {
        return objects(grantee, label, prefix, "s3:GetObject");
    }

    /**
     * {@code grantee} reads the objects under {@code prefix} and their earlier versions, as CodePipeline and CodeBuild
     * read the versioned artifacts of a pipeline ({@code s3:GetObject}, {@code s3:GetObjectVersion}).
     */
    public StoreAccess grantReadVersions(Grantee grantee, String label, String prefix) {
        return objects(grantee, label, prefix, "s3:GetObject", "s3:GetObjectVersion");
    }

    /** {@code grantee} writes objects under {@code prefix} ({@code Write<label>}: {@code s3:PutObject}). */
    public StoreAccess grantWrite(Grantee grantee, String label, String prefix) {
        return objects(grantee, label, prefix, "s3:PutObject");
    }

    /** {@code grantee} reads and writes the objects under {@code prefix} ({@code ReadWrite<label>}). */
    public StoreAccess grantReadWrite(Grantee grantee, String label, String prefix) {
        return objects(grantee, label, prefix, "s3:GetObject", "s3:PutObject");
    }

    /**
     * {@code grantee} lists the bucket's keys under {@code prefix} only ({@code List<label>}: {@code s3:ListBucket}
     * on the bucket, with {@code s3:prefix} like {@code <prefix>*}).
     */
    public StoreAccess grantList(Grantee grantee, String label, String prefix) {
        checkFolder(label, prefix);
        return none(grantee).list(label, prefix);
    }

    /**
     * {@code grantee} reads the bucket's {@code actions} ({@code Locate<label>}), of {@link #BUCKET_LOOKUPS}: the
     * settings CodeBuild and CodePipeline check before they use a bucket.
     */
    public StoreAccess grantBucketLookup(Grantee grantee, String label, String... actions) {
        checkLabel(label);
        List<String> unknown = List.of(actions).stream().filter(action -> !BUCKET_LOOKUPS.contains(action)).toList();
        if (actions.length == 0 || !unknown.isEmpty()) {
            throw new IllegalArgumentException("a bucket lookup is some of " + new TreeSet<>(BUCKET_LOOKUPS)
                    + ", got " + List.of(actions));
        }
        return none(grantee).bucket(label, actions);
    }

    /**
     * {@code grantee} lets the AWS resources it starts (SageMaker job and endpoint volumes) use the key
     * ({@code kms:CreateGrant}, only with {@code kms:GrantIsForAWSResource}).
     */
    public StoreAccess grantKeyForAwsResources(Grantee grantee) {
        if (grantee instanceof Grantee.AccountRole role) {
            keyGrants.grantsForAwsResourcesBy(role);
            return none(grantee);
        }
        return none(grantee).keyGrant();
    }

    private StoreAccess objects(Grantee grantee, String label, String prefix, String... actions) {
        checkFolder(label, prefix);
        return usingKey(grantee).objects(label, prefix, actions);
    }

    /** The key use every object grant needs: in the key policy for a role of this account, in its own otherwise. */
    private StoreAccess usingKey(Grantee grantee) {
        if (grantee instanceof Grantee.AccountRole role) {
            keyGrants.useBy(role);
            return none(grantee);
        }
        return none(grantee).keyUse();
    }

    /**
     * No access for {@code grantee} yet. A target stage's role is granted only through what the key and bucket
     * policies share with its account: for any other account they deny every call its own policy allows. (With a
     * brought bucket its own policy decides, which the store cannot see.)
     */
    private StoreAccess none(Grantee grantee) {
        if (grantee instanceof Grantee.StageRole role && sharedWith.isPresent()
                && !role.accountId().equals(sharedWith.get().get(role.stage()))) {
            throw new IllegalArgumentException("the store shares nothing with account " + role.accountId()
                    + " of the " + role.stage().id() + " stage, so it cannot grant " + role.name() + " access: "
                    + "name that account for the stage in ModelStoreArgs.targetAccounts (it shares with "
                    + new TreeMap<>(sharedWith.get()) + ")");
        }
        return StoreAccess.none(this, grantee);
    }

    private static void checkFolder(String label, String prefix) {
        checkLabel(label);
        if (prefix == null || prefix.isBlank() || prefix.startsWith("/") || prefix.contains("*")) {
            throw new IllegalArgumentException("a grant names a folder of the bucket, as data/ (no leading slash, no"
                    + " wildcard): got " + prefix);
        }
    }

    private static void checkLabel(String label) {
        if (label == null || !Grantee.NAME.matcher(label).matches()) {
            throw new IllegalArgumentException("a grant's label ends its Sid: letters and digits only, got " + label);
        }
    }
}
