package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.StackPolicy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every bucket has a companion resource of a given type (encryption configuration, bucket policy, public
 * access block). A companion belongs to a bucket when its {@code bucket} input equals the bucket's
 * {@code bucket} input, or (when a name is unknown) when it depends on, or is a child of, the bucket.
 */
abstract class BucketCompanionPolicy extends StackPolicy {
    private final String companionType;
    private final String companionName;

    BucketCompanionPolicy(String name, String description, Severity severity, String remediation,
                          List<String> ids, String companionType) {
        super(name, description, severity, EnforcementLevel.MANDATORY, remediation, ids,
                Set.of(Types.BUCKET_V2, companionType));
        this.companionType = companionType;
        this.companionName = companionType.substring(companionType.lastIndexOf(':') + 1);
    }

    /** True when the bucket resource itself carries the companion setting inline (deprecated inputs). */
    boolean inline(PolicyResource bucket) {
        return false;
    }

    @Override
    public void check(List<PolicyResource> resources, PolicySettings settings, Sink sink) {
        List<PolicyResource> buckets = resources.stream().filter(r -> r.type().equals(Types.BUCKET_V2)).toList();
        List<PolicyResource> companions = resources.stream().filter(r -> r.type().equals(companionType)).toList();
        Set<String> bucketNames = buckets.stream().map(BucketCompanionPolicy::knownName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (PolicyResource bucket : buckets) {
            if (inline(bucket)) {
                continue;
            }
            String name = knownName(bucket);
            PolicyResource ambiguous = null;
            boolean found = false;
            for (PolicyResource c : companions) {
                Object ref = PropertyValues.unwrap(c.properties().get("bucket"));
                boolean byName = name != null && name.equals(ref);
                boolean byGraph = c.dependencies().contains(bucket.urn()) || bucket.urn().equals(c.parent());
                if (byName || byGraph) {
                    found = true;
                    break;
                }
                boolean unclaimed = ref == PropertyValues.UNKNOWN
                        || (name == null && ref instanceof String s && !bucketNames.contains(s));
                if (unclaimed && c.dependencies().isEmpty() && c.parent() == null && ambiguous == null) {
                    ambiguous = c;
                }
            }
            if (found) {
                continue;
            }
            if (ambiguous != null) {
                sink.undetermined(bucket, "bucket of " + companionName + " " + ambiguous.name());
            } else {
                sink.violation(bucket, "no " + companionName + " refers to this bucket"
                        + (name == null ? "" : " (bucket \"" + name + "\")"));
            }
        }
    }

    private static String knownName(PolicyResource bucket) {
        Object v = PropertyValues.unwrap(bucket.properties().get("bucket"));
        return v instanceof String s && !s.isBlank() ? s : null;
    }
}
