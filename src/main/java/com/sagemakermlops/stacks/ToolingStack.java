package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.sagemakermlops.config.StackConfig;

/** The tooling account: registry, artifacts, key, both pipelines, monitoring, cross-account grants. */
final class ToolingStack {
    private ToolingStack() {
    }

    static void define(Context ctx, StackConfig config) {
        // Wired as the components land.
    }
}
