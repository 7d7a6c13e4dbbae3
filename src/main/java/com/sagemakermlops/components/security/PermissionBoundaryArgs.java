package com.sagemakermlops.components.security;

import com.sagemakermlops.components.Tags;
import com.sagemakermlops.naming.Naming;

import java.util.Optional;

/**
 * Inputs of {@link PermissionBoundary}.
 *
 * @param codeStarConnectionArn the connection the pipelines' source uses, when the source is a CodeStar connection
 * @param seededRepositories    whether the source is CodeCommit repositories created by CloudFormation stacks
 */
public record PermissionBoundaryArgs(
        Naming naming,
        String partition,
        String region,
        String accountId,
        Tags tags,
        Optional<String> codeStarConnectionArn,
        boolean seededRepositories) {

    public static PermissionBoundaryArgs of(Naming naming, String partition, String region, String accountId,
                                            Tags tags) {
        return new PermissionBoundaryArgs(naming, partition, region, accountId, tags, Optional.empty(), false);
    }
}
