package com.sagemakermlops.components.store;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroup;
import com.pulumi.aws.sagemaker.ModelPackageGroupArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroupPolicy;
import com.pulumi.aws.sagemaker.ModelPackageGroupPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.storage.SecureBucket;

import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What the whole product shares: the customer-managed key (+ alias), the model bucket and the model registry (+ its
 * cross-account policy). Key and bucket may be brought ({@link ModelStoreArgs#keyArn()},
 * {@link ModelStoreArgs#existingBucketName()}). Components take {@link #ref()} and declare their key grants on it;
 * {@link #completeKeyPolicy()} then assembles the key policy (the key is registered once it is complete).
 *
 * <p>Key, bucket (with its settings) and registry are {@code retainOnDelete} by default: a rename or a
 * {@code pulumi destroy} forgets them and AWS keeps them. Deleting them is what a mistake would cost: the provider
 * schedules a deleted key for deletion after its window (terraform-provider-aws internal/service/kms/key.go,
 * ScheduleKeyDeletion with {@code deletion_window_in_days}, 7 to 30 days per KMS's API), after which every model,
 * artifact and log it encrypted is unreadable; it deletes the group with DeleteModelPackageGroup and nothing else
 * (internal/service/sagemaker/model_package_group.go), taking the approval history with it; and with
 * {@code forceDestroy} false a non-empty versioned bucket fails DeleteBucket (BucketNotEmpty,
 * internal/service/s3/bucket.go), leaving a destroy half done. Not {@code protect}: a protected resource makes every
 * {@code pulumi destroy} of the stack fail until it is unprotected by hand, while retaining lets a destroy of a
 * trial stack finish and still loses nothing.
 */
public final class ModelStore extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:store:ModelStore";

    private final KeyGrants keyGrants;
    private final Output<String> keyPolicy;
    private final ModelStoreRef ref;

    public ModelStore(String name, ModelStoreArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Arns arns = args.scope().arns();
        var share = new CrossAccountShare(arns, args.targetAccounts(), args.dataCapture());
        this.keyGrants = new KeyGrants(name);
        this.keyPolicy = keyGrants.declared().apply(declared -> PolicyDocument.of(
                KeyPolicy.statements(arns, share, declared)));
        Output<String> keyArn = args.keyArn().orElseGet(() -> createKey(name, args));
        ModelStoreRef.Bucket bucket = args.existingBucketName()
                .map(existing -> new ModelStoreRef.Bucket(Output.of(existing),
                        Output.of(Arns.of(arns.partition(), "s3", "", "", existing))))
                .orElseGet(() -> createBucket(name, args, keyArn, share));
        ModelStoreRef.Registry registry = createRegistry(name, args, share);
        this.ref = new ModelStoreRef(keyArn, bucket, registry, args.modelArtifactsPrefix(), keyGrants,
                args.existingBucketName().isPresent() ? Optional.empty() : Optional.of(args.targetAccounts()));
        registerOutputs(Map.of("keyArn", keyArn, "bucketName", bucket.name(), "bucketArn", bucket.arn(),
                "registryArn", registry.arn(), "keyPolicy", keyPolicy));
    }

    /** The store as the components using it take it. */
    public ModelStoreRef ref() {
        return ref;
    }

    /**
     * Ends the key grants: the key policy is made of the statements declared so far, and the key is created with it.
     * Call once, after every component that declares grants; a grant declared later is refused.
     */
    public void completeKeyPolicy() {
        keyGrants.complete();
    }

    /**
     * The key policy: the one the store's key carries, or, with a key brought, what that key's policy must allow
     * for the components to work. Known once {@link #completeKeyPolicy()} is called.
     */
    public Output<String> keyPolicy() {
        return keyPolicy;
    }

    private CustomResourceOptions kept(ModelStoreArgs args) {
        return CustomResourceOptions.builder().parent(this).retainOnDelete(args.retainOnDelete()).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private Output<String> createKey(String name, ModelStoreArgs args) {
        Key key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the models, artifacts, source and logs of " + args.naming().productName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(keyPolicy)
                .tags(args.tags().asMap())
                .build(), kept(args));
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name(args.naming().keyAlias())
                .targetKeyId(key.keyId())
                .build(), child());
        return key.arn();
    }

    private ModelStoreRef.Bucket createBucket(String name, ModelStoreArgs args, Output<String> keyArn,
                                              CrossAccountShare share) {
        SecureBucket bucket = new SecureBucket(name + "-models", new SecureBucket.Args(args.bucketName(), keyArn,
                args.tags(), bucketArn -> share.bucketStatements(bucketArn, args.modelArtifactsPrefix()),
                args.retainOnDelete()), ComponentResourceOptions.builder().parent(this).build());
        if (!args.eventBridgeNotifications()) {
            return new ModelStoreRef.Bucket(bucket.name(), bucket.arn());
        }
        var notification = new BucketNotification(name + "-models-notification", BucketNotificationArgs.builder()
                .bucket(bucket.name())
                .eventbridge(true)
                .build(), child());
        Output<String> notified = notification.id();
        return new ModelStoreRef.Bucket(notified.apply(id -> bucket.name()), notified.apply(id -> bucket.arn()));
    }

    private ModelStoreRef.Registry createRegistry(String name, ModelStoreArgs args, CrossAccountShare share) {
        ModelPackageGroup registry = new ModelPackageGroup(name + "-registry", ModelPackageGroupArgs.builder()
                .modelPackageGroupName(args.registryName())
                .modelPackageGroupDescription("Model versions of " + args.naming().productName())
                .tags(args.tags().asMap())
                .build(), kept(args));
        if (!share.isEmpty()) {
            new ModelPackageGroupPolicy(name + "-registry-policy", ModelPackageGroupPolicyArgs.builder()
                    .modelPackageGroupName(registry.modelPackageGroupName())
                    .resourcePolicy(PolicyDocument.of(share.registryStatements(args.registryName())))
                    .build(), child());
        }
        return new ModelStoreRef.Registry(args.registryName(), registry.arn());
    }
}
