package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy whose check is one property (a dotted path such as {@code dataCaptureConfig.kmsKeyId}) meeting one
 * {@link Expectation}; a violation names the path. Reading an unknown value makes the check undetermined.
 */
abstract class RequiredProperty extends ResourcePolicy {
    private final String path;
    private final Expectation expectation;

    RequiredProperty(String name, String description, Severity severity, EnforcementLevel defaultLevel,
                     String remediation, List<String> coveredIds, Set<String> resourceTypes,
                     String path, Expectation expectation) {
        super(name, description, severity, defaultLevel, remediation, coveredIds, resourceTypes);
        this.path = path;
        this.expectation = expectation;
    }

    /** False for resources that do not need the property (e.g. data capture is off); true by default. */
    protected boolean applies(Props props) {
        return true;
    }

    @Override
    public final void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!applies(p)) {
            return;
        }
        String[] parts = path.split("\\.");
        Props holder = p;
        for (int i = 0; i < parts.length - 1 && holder != null; i++) {
            holder = holder.object(parts[i]);
        }
        String problem = expectation.problem(holder == null ? new Props(Map.of()) : holder, parts[parts.length - 1]);
        if (problem != null) {
            sink.violation(r, path + " " + problem);
        }
    }

    /** What the property must be: {@link #problem} says how it falls short, or null when it does not. */
    @FunctionalInterface
    interface Expectation {
        String problem(Props holder, String key);

        /** Set to any value (an unknown value counts as set). */
        static Expectation isSet() {
            return (holder, key) -> holder.has(key) ? null : "is not set";
        }

        /** The boolean {@code true}. */
        static Expectation isTrue() {
            return (holder, key) -> Boolean.TRUE.equals(holder.bool(key)) ? null : "is not true";
        }

        /** Exactly {@code expected}. */
        static Expectation equalTo(String expected) {
            return (holder, key) -> {
                String actual = holder.string(key);
                return expected.equals(actual) ? null
                        : "is " + S3BucketSseKmsCmk.quote(actual) + ", not \"" + expected + "\"";
            };
        }

        /** A KMS key that is not AWS-managed; {@code awsManaged} words that case, e.g. "an AWS-managed key". */
        static Expectation customerManagedKey(String awsManaged) {
            return (holder, key) -> {
                if (!holder.has(key)) {
                    return "is not set";
                }
                return Keys.isAwsManaged(holder, key) ? "is " + awsManaged + ", not a customer-managed key" : null;
            };
        }
    }
}
