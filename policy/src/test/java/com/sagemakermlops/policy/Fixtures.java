package com.sagemakermlops.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for property maps and resources in tests. */
public final class Fixtures {
    public static final Object U = PropertyValues.UNKNOWN;

    private Fixtures() {
    }

    /** A map from alternating keys and values (values may be null). */
    public static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    public static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static PropertyValues.Secret secret(Object v) {
        return new PropertyValues.Secret(v);
    }

    public static PolicyResource res(String type, String name, Map<String, Object> props) {
        return PolicyResource.of(type, name, props);
    }

    /** A copy of the resource with one more tag. */
    public static PolicyResource withTag(PolicyResource r, String key, String value) {
        Map<String, Object> props = new LinkedHashMap<>(r.properties());
        Map<String, Object> tags = new LinkedHashMap<>();
        if (props.get("tags") instanceof Map<?, ?> old) {
            old.forEach((k, v) -> tags.put(String.valueOf(k), v));
        }
        tags.put(key, value);
        props.put("tags", tags);
        return new PolicyResource(r.urn(), r.type(), r.name(), props, r.parent(), r.provider(), r.dependencies());
    }

    /** An IAM policy document JSON with the given statements (each a JSON object string). */
    public static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    public static List<PolicyFinding> findings(String policy, List<PolicyResource> resources) {
        return PolicyPack.standard().evaluate(resources, PolicyPackConfig.defaults()).stream()
                .filter(f -> f.policy().equals(policy)).toList();
    }

    public static List<PolicyFinding> findings(String policy, PolicyResource... resources) {
        return findings(policy, List.of(resources));
    }
}
