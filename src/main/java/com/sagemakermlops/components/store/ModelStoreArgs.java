package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link ModelStore}. Build with {@link #builder()}; {@code build()} names the first missing required field
 * and refuses combinations the store cannot serve.
 *
 * <table>
 *   <caption>What is created</caption>
 *   <tr><th>keyArn</th><th>existingBucketName</th><th>result</th></tr>
 *   <tr><td>absent</td><td>absent</td><td>a new key (+ alias), bucket and registry</td></tr>
 *   <tr><td>given</td><td>absent</td><td>a new bucket encrypted with that key; no key is created</td></tr>
 *   <tr><td>given</td><td>given</td><td>only the registry; bucket and key are the caller's</td></tr>
 *   <tr><td>absent</td><td>given</td><td>refused: the store cannot know the key of a bucket it did not make</td></tr>
 * </table>
 */
public final class ModelStoreArgs {
    private final Naming naming;
    private final AwsScope scope;
    private final Tags tags;
    private final String modelArtifactsPrefix;
    private final Optional<Output<String>> keyArn;
    private final Optional<String> existingBucketName;
    private final String bucketName;
    private final String registryName;
    private final Map<Stage, String> targetAccounts;
    private final boolean dataCapture;
    private final boolean eventBridgeNotifications;
    private final boolean retainOnDelete;

    private ModelStoreArgs(Builder b) {
        this.naming = b.naming;
        this.scope = b.scope;
        this.tags = b.tags;
        this.modelArtifactsPrefix = b.modelArtifactsPrefix;
        this.keyArn = Optional.ofNullable(b.keyArn);
        this.existingBucketName = Optional.ofNullable(b.existingBucketName);
        this.bucketName = b.bucketName != null ? b.bucketName : naming.physical(PhysicalName.S3_BUCKET, "models");
        this.registryName = b.registryName != null ? b.registryName
                : naming.physical(PhysicalName.SAGEMAKER, "models");
        Map<Stage, String> targets = new EnumMap<>(Stage.class);
        targets.putAll(b.targetAccounts);
        this.targetAccounts = Collections.unmodifiableMap(targets);
        this.dataCapture = b.dataCapture;
        this.eventBridgeNotifications = b.eventBridgeNotifications;
        this.retainOnDelete = b.retainOnDelete;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The product's physical names (key alias, default bucket and registry names). Required. */
    public Naming naming() {
        return naming;
    }

    /** The tooling account, which owns the key, bucket and registry. Required. */
    public AwsScope scope() {
        return scope;
    }

    /** The tags of every resource of the store. Required. */
    public Tags tags() {
        return tags;
    }

    /**
     * The bucket folder holding model artifacts, without trailing slash (the training pipeline's
     * {@code pipelines/<sagemaker pipeline>}): what the target accounts may read. Required.
     */
    public String modelArtifactsPrefix() {
        return modelArtifactsPrefix;
    }

    /**
     * A customer-managed key to use instead of creating one. Its key policy is the caller's: it must allow what
     * {@link ModelStore#keyPolicy()} lists. Default: a new rotated key with an alias.
     */
    public Optional<Output<String>> keyArn() {
        return keyArn;
    }

    /**
     * An existing bucket to use instead of creating one; needs {@link #keyArn()} (the key its objects are encrypted
     * with), no {@link #targetAccounts()} and no {@link #eventBridgeNotifications()} (both need settings of the
     * bucket itself). Default: a new bucket named {@link #bucketName()}.
     */
    public Optional<String> existingBucketName() {
        return existingBucketName;
    }

    /** The physical name of the bucket created. Default: {@code <product>-models}, fitted to S3's limits. */
    public String bucketName() {
        return bucketName;
    }

    /** The model package group's name. Default: {@code <product>-models}, fitted to SageMaker's limits. */
    public String registryName() {
        return registryName;
    }

    /** The account of each target stage, which reads model artifacts and the registry. Default: none. */
    public Map<Stage, String> targetAccounts() {
        return targetAccounts;
    }

    /** Whether the target stages' endpoints write data capture into the bucket. Default: false. */
    public boolean dataCapture() {
        return dataCapture;
    }

    /** Whether the bucket sends object events to EventBridge (S3 sources start pipelines on them). Default: false. */
    public boolean eventBridgeNotifications() {
        return eventBridgeNotifications;
    }

    /**
     * Whether deleting the key, the bucket or the registry (a rename, a {@code pulumi destroy}) only forgets them.
     * Default: true.
     */
    public boolean retainOnDelete() {
        return retainOnDelete;
    }

    /** Pulumi-style builder; {@link #build()} checks the required fields and the combinations. */
    public static final class Builder {
        private Naming naming;
        private AwsScope scope;
        private Tags tags;
        private String modelArtifactsPrefix;
        private Output<String> keyArn;
        private String existingBucketName;
        private String bucketName;
        private String registryName;
        private Map<Stage, String> targetAccounts = Map.of();
        private boolean dataCapture;
        private boolean eventBridgeNotifications;
        private boolean retainOnDelete = true;

        private Builder() {
        }

        public Builder naming(Naming naming) {
            this.naming = naming;
            return this;
        }

        public Builder scope(AwsScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder tags(Tags tags) {
            this.tags = tags;
            return this;
        }

        public Builder modelArtifactsPrefix(String modelArtifactsPrefix) {
            this.modelArtifactsPrefix = modelArtifactsPrefix;
            return this;
        }

        public Builder keyArn(Output<String> keyArn) {
            this.keyArn = keyArn;
            return this;
        }

        public Builder keyArn(String keyArn) {
            return keyArn(Output.of(keyArn));
        }

        public Builder existingBucketName(String existingBucketName) {
            this.existingBucketName = existingBucketName;
            return this;
        }

        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        public Builder registryName(String registryName) {
            this.registryName = registryName;
            return this;
        }

        public Builder targetAccounts(Map<Stage, String> targetAccounts) {
            this.targetAccounts = Map.copyOf(targetAccounts);
            return this;
        }

        public Builder dataCapture(boolean dataCapture) {
            this.dataCapture = dataCapture;
            return this;
        }

        public Builder eventBridgeNotifications(boolean eventBridgeNotifications) {
            this.eventBridgeNotifications = eventBridgeNotifications;
            return this;
        }

        public Builder retainOnDelete(boolean retainOnDelete) {
            this.retainOnDelete = retainOnDelete;
            return this;
        }

        public ModelStoreArgs build() {
            require(naming, "naming");
            require(scope, "scope");
            require(tags, "tags");
            require(modelArtifactsPrefix, "modelArtifactsPrefix");
            if (existingBucketName != null) {
                refuse(keyArn == null, "a bucket you bring is encrypted with your key: give keyArn too");
                refuse(!targetAccounts.isEmpty(), "target accounts read model artifacts through the bucket policy "
                        + "the store writes, which a bucket you bring keeps as it is: leave existingBucketName or "
                        + "targetAccounts out");
                refuse(eventBridgeNotifications, "EventBridge notifications are a setting of the bucket the store "
                        + "creates: leave existingBucketName or eventBridgeNotifications out");
            }
            return new ModelStoreArgs(this);
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new MissingRequiredPropertyException("ModelStoreArgs", field);
            }
        }

        private static void refuse(boolean condition, String why) {
            if (condition) {
                throw new IllegalArgumentException("ModelStoreArgs.existingBucketName: " + why);
            }
        }
    }
}
