package com.sagemakermlops.components.source;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pipeline's CodeBuild projects need to run from its source.
 *
 * @param buildspec  the buildspec path, relative to the source root
 * @param variables  environment variables the buildspec reads: {@value #FOLDER} (the folder holding the
 *                   pipeline's code, {@code .} when it is the source root) and, when the source cannot hold every file
 *                   the build needs, {@value #BUNDLE_BUCKET} / {@value #BUNDLE_KEY} / {@value #BUNDLE_VERSION} (a
 *                   versioned zip the build unpacks into that folder)
 * @param access     statements the build role needs for them (reading that zip)
 */
public record SourceBuild(String buildspec, Map<String, Output<String>> variables, List<Statement> access) {
    public static final String FOLDER = "SOURCE_FOLDER";
    public static final String BUNDLE_BUCKET = "SOURCE_BUNDLE_BUCKET";
    public static final String BUNDLE_KEY = "SOURCE_BUNDLE_KEY";
    public static final String BUNDLE_VERSION = "SOURCE_BUNDLE_VERSION";

    public SourceBuild {
        variables = java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
        access = List.copyOf(access);
    }
}
