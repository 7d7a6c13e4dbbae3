package com.sagemakermlops.config;

/** A CodeStar connection to a Git provider; the repository holds model-build/ and model-deploy/. */
public record CodeStarConnection(String connectionArn, String owner, String repo, String branch) {
    public String fullRepositoryId() {
        return owner + "/" + repo;
    }
}
