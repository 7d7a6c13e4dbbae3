package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.sagemakermlops.config.StackConfig;

/** The whole program: one configuration in, the stack of its role out. */
public final class Platform {
    private Platform() {
    }

    public static void define(Context ctx, StackConfig config) {
        switch (config.role()) {
            case TOOLING -> ToolingStack.define(ctx, config);
            case HOSTING -> HostingStack.define(ctx, config);
        }
    }
}
