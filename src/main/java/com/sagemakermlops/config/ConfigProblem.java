package com.sagemakermlops.config;

import com.sagemakermlops.policy.Printable;

/**
 * One thing wrong with the stack configuration: where it is and what was expected.
 *
 * @param path       a key path in this program's namespace ({@code deploy.prodEnvironment.accountId}), or a location
 *                   outside it as shown ({@code aws:region}, {@code Pulumi.dev.yaml})
 * @param namespaced whether {@code path} is in this program's namespace and shown as {@code sagemaker-mlops:<path>}
 */
public record ConfigProblem(String path, String message, boolean namespaced) {
    public static final String NAMESPACE = "sagemaker-mlops";

    /** A problem with one of this program's keys. */
    public static ConfigProblem ofKey(String path, String message) {
        return new ConfigProblem(path, message, true);
    }

    /** A problem outside this program's namespace: another namespace's key ({@code aws:region}) or a source. */
    public static ConfigProblem at(String location, String message) {
        return new ConfigProblem(location, message, false);
    }

    /** One line: {@code sagemaker-mlops:<path>: <message>}, control characters escaped so nothing rewrites a terminal. */
    @Override
    public String toString() {
        return Printable.of((namespaced ? NAMESPACE + ":" : "") + path + ": " + message);
    }
}
