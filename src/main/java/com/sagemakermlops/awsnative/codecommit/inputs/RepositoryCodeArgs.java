package com.sagemakermlops.awsnative.codecommit.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import java.util.Optional;
import javax.annotation.Nullable;

/** The repository's first commit ({@code AWS::CodeCommit::Repository Code}). */
public final class RepositoryCodeArgs extends com.pulumi.resources.ResourceArgs {
    @Import(name = "branchName")
    private @Nullable Output<String> branchName;

    @Import(name = "s3", required = true)
    private Output<RepositoryS3Args> s3;

    private RepositoryCodeArgs() {
    }

    /** The branch the commit lands on (CodeCommit's default is {@code main}). */
    public Optional<Output<String>> branchName() {
        return Optional.ofNullable(branchName);
    }

    public Output<RepositoryS3Args> s3() {
        return s3;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryCodeArgs $ = new RepositoryCodeArgs();

        public Builder branchName(String branchName) {
            $.branchName = Output.of(branchName);
            return this;
        }

        public Builder s3(RepositoryS3Args s3) {
            $.s3 = Output.of(s3);
            return this;
        }

        public RepositoryCodeArgs build() {
            if ($.s3 == null) {
                throw new MissingRequiredPropertyException("RepositoryCodeArgs", "s3");
            }
            return $;
        }
    }
}
