package com.sagemakermlops.cli;

import com.sagemakermlops.config.StackConfig;

import java.util.Map;

/** Clearly marked stand-ins for a tooling stack's outputs when neither a plan nor its stack file is at hand. */
final class ToolingPlaceholders {
    private ToolingPlaceholders() {
    }

    static Map<String, Object> outputs(StackConfig hosting) {
        return Map.of();
    }
}
