package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackRole;

/** The whole program: one configuration in, the stack of its role out. */
public final class Platform {
    private Platform() {
    }

    /**
     * Refuses, as configuration, what the stack of {@code config} could not build: the problems its plan finds
     * before any resource (the tooling plan's, see {@link ToolingPlan#of}).
     *
     * @throws com.sagemakermlops.config.InvalidConfigException naming each problem
     */
    public static void validate(StackConfig config) {
        if (config.role() == StackRole.TOOLING) {
            ToolingPlan.of(config);
        }
    }

    public static void define(Context ctx, StackConfig config) {
        switch (config.role()) {
            case TOOLING -> ToolingStack.define(ctx, config);
            case HOSTING -> HostingStack.define(ctx, config);
        }
    }
}
