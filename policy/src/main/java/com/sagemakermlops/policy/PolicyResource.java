package com.sagemakermlops.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as a policy sees it: its URN, Pulumi type token, logical name and input properties.
 *
 * <p>Property values are {@code null}, {@link String}, {@link Boolean}, {@link Double}, {@code List<Object>},
 * {@code Map<String,Object>}, {@link PropertyValues#UNKNOWN} or {@link PropertyValues.Secret}.
 *
 * @param urn          the resource URN
 * @param type         the type token, e.g. {@code aws:kms/key:Key}
 * @param name         the logical name
 * @param properties   the input properties
 * @param parent       the parent URN, or null
 * @param provider     the provider reference, or null
 * @param dependencies URNs this resource depends on (never null)
 */
public record PolicyResource(String urn, String type, String name, Map<String, Object> properties,
                             String parent, String provider, List<String> dependencies) {

    public PolicyResource {
        Objects.requireNonNull(type, "type");
        urn = urn == null ? "" : urn;
        name = name == null ? "" : name;
        properties = properties == null ? Map.of() : properties;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** A resource with no parent, provider or dependencies and a URN derived from type and name. */
    public static PolicyResource of(String type, String name, Map<String, Object> properties) {
        return new PolicyResource("urn:pulumi:stack::project::" + type + "::" + name, type, name, properties,
                null, null, List.of());
    }
}
