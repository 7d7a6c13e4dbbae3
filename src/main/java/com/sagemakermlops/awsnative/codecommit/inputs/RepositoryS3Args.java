package com.sagemakermlops.awsnative.codecommit.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import java.util.Optional;
import javax.annotation.Nullable;

/** The zip in S3 that becomes the first commit ({@code AWS::CodeCommit::Repository S3}). */
public final class RepositoryS3Args extends com.pulumi.resources.ResourceArgs {
    @Import(name = "bucket", required = true)
    private Output<String> bucket;

    @Import(name = "key", required = true)
    private Output<String> key;

    @Import(name = "objectVersion")
    private @Nullable Output<String> objectVersion;

    private RepositoryS3Args() {
    }

    public Output<String> bucket() {
        return bucket;
    }

    public Output<String> key() {
        return key;
    }

    public Optional<Output<String>> objectVersion() {
        return Optional.ofNullable(objectVersion);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryS3Args $ = new RepositoryS3Args();

        public Builder bucket(Output<String> bucket) {
            $.bucket = bucket;
            return this;
        }

        public Builder key(Output<String> key) {
            $.key = key;
            return this;
        }

        public Builder objectVersion(Output<String> objectVersion) {
            $.objectVersion = objectVersion;
            return this;
        }

        public RepositoryS3Args build() {
            if ($.bucket == null || $.key == null) {
                throw new MissingRequiredPropertyException("RepositoryS3Args", $.bucket == null ? "bucket" : "key");
            }
            return $;
        }
    }
}
