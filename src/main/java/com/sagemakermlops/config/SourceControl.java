package com.sagemakermlops.config;

/** Where the model-build and model-deploy code live. */
public enum SourceControl {
    /** Two CodeCommit repositories whose first commits are the seed code. */
    CODECOMMIT,
    /** Zipped seed code under an S3 prefix of the model bucket. */
    S3,
    /** One repository behind a CodeStar connection, with model-build/ and model-deploy/ folders. */
    CODESTAR
}
