package com.sagemakermlops.components.security;

import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.naming.Naming;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link PermissionBoundary}.
 *
 * @param naming the product's physical names; required
 * @param tags   the policy's tags; required
 * @param scope  the tooling account the boundary's roles live in; required
 * @param source where the pipelines' code lives: a CodeStar connection is allowed by ARN, CodeCommit repositories are
 *               created by CloudFormation stacks the boundary must allow; required
 * @param pulumiAccessTokenSecretArn the Secrets Manager secret the deploy builds read their Pulumi Cloud access token
 *               from; default none (the self-managed S3 backend)
 */
public record PermissionBoundaryArgs(Naming naming, Tags tags, AwsScope scope, SourceSettings source,
                                     Optional<String> pulumiAccessTokenSecretArn) {

    public PermissionBoundaryArgs(Naming naming, Tags tags, AwsScope scope, SourceSettings source) {
        this(naming, tags, scope, source, Optional.empty());
    }

    public PermissionBoundaryArgs {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pulumiAccessTokenSecretArn, "pulumiAccessTokenSecretArn");
    }

    String partition() {
        return scope.partition();
    }

    String region() {
        return scope.region();
    }

    String accountId() {
        return scope.accountId();
    }

    /** The connection the pipelines' source uses, when the source is a CodeStar connection. */
    Optional<String> codeStarConnectionArn() {
        return source.connection().map(CodeStarConnection::connectionArn);
    }

    /** Whether the source is CodeCommit repositories created by CloudFormation stacks. */
    boolean seededRepositories() {
        return source.control() == SourceControl.CODECOMMIT;
    }
}
