package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.sagemakermlops.config.StackConfig;

/** A staging or production account: the approved model, hosted behind an endpoint. */
final class HostingStack {
    private HostingStack() {
    }

    static void define(Context ctx, StackConfig config) {
        // Wired as the components land.
    }
}
