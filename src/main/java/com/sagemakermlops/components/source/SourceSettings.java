package com.sagemakermlops.components.source;

import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.SourceControl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the product's pipeline code lives.
 *
 * @param control    CodeCommit, S3 or a CodeStar connection; required
 * @param connection the CodeStar connection; required with CodeStar, default none
 */
public record SourceSettings(SourceControl control, Optional<CodeStarConnection> connection) {

    public SourceSettings {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(connection, "connection");
        if (control == SourceControl.CODESTAR && connection.isEmpty()) {
            throw new IllegalArgumentException("a codestar source needs a CodeStar connection");
        }
    }
}
