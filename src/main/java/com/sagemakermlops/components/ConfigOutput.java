package com.sagemakermlops.components;

import com.pulumi.core.Output;

/** A configuration value as a resource input or stack output: a secret when it was set with --secret. */
public final class ConfigOutput {
    private ConfigOutput() {
    }

    public static Output<String> of(String value, boolean secret) {
        return secret ? Output.ofSecret(value) : Output.of(value);
    }
}
