package com.sagemakermlops.awsnative.codecommit;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryCodeArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryTriggerArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.TagArgs;

import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** The inputs of {@link Repository}. */
public final class RepositoryArgs extends com.pulumi.resources.ResourceArgs {
    @Import(name = "code")
    private @Nullable Output<RepositoryCodeArgs> code;

    @Import(name = "kmsKeyId")
    private @Nullable Output<String> kmsKeyId;

    @Import(name = "repositoryDescription")
    private @Nullable Output<String> repositoryDescription;

    @Import(name = "repositoryName", required = true)
    private Output<String> repositoryName;

    @Import(name = "tags")
    private @Nullable Output<List<TagArgs>> tags;

    @Import(name = "triggers")
    private @Nullable Output<List<RepositoryTriggerArgs>> triggers;

    private RepositoryArgs() {
    }

    /** The first commit: a zip in S3 and the branch it lands on; only read when the repository is created. */
    public Optional<Output<RepositoryCodeArgs>> code() {
        return Optional.ofNullable(code);
    }

    public Optional<Output<String>> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    public Optional<Output<String>> repositoryDescription() {
        return Optional.ofNullable(repositoryDescription);
    }

    public Output<String> repositoryName() {
        return repositoryName;
    }

    public Optional<Output<List<TagArgs>>> tags() {
        return Optional.ofNullable(tags);
    }

    public Optional<Output<List<RepositoryTriggerArgs>>> triggers() {
        return Optional.ofNullable(triggers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryArgs $ = new RepositoryArgs();

        public Builder code(RepositoryCodeArgs code) {
            $.code = Output.of(code);
            return this;
        }

        public Builder kmsKeyId(Output<String> kmsKeyId) {
            $.kmsKeyId = kmsKeyId;
            return this;
        }

        public Builder repositoryDescription(String repositoryDescription) {
            $.repositoryDescription = Output.of(repositoryDescription);
            return this;
        }

        public Builder repositoryName(String repositoryName) {
            $.repositoryName = Output.of(repositoryName);
            return this;
        }

        public Builder tags(List<TagArgs> tags) {
            $.tags = Output.of(List.copyOf(tags));
            return this;
        }

        public Builder triggers(List<RepositoryTriggerArgs> triggers) {
            $.triggers = Output.of(List.copyOf(triggers));
            return this;
        }

        public RepositoryArgs build() {
            if ($.repositoryName == null) {
                throw new MissingRequiredPropertyException("RepositoryArgs", "repositoryName");
            }
            return $;
        }
    }
}
