package com.sagemakermlops.engine;

import com.sagemakermlops.policy.PropertyValues.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * What one offline run of a stack registered and exported.
 *
 * @param outputs the stack outputs as plain values (secrets unwrapped; see {@link #secretOutputs()})
 * @param errors  errors the program raised while running (empty when it ran clean)
 */
public record Recording(String stack, List<RecordedResource> resources, Map<String, Object> outputs,
                        List<String> secretOutputs, List<String> errors) {

    public Recording {
        resources = List.copyOf(resources);
        secretOutputs = List.copyOf(secretOutputs);
        errors = List.copyOf(errors);
    }

    /** The outputs as a stack reference to this stack reads them: each secret one wrapped in a {@link Secret}. */
    public Map<String, Object> referencedOutputs() {
        Map<String, Object> referenced = new LinkedHashMap<>(outputs);
        for (String name : secretOutputs) {
            if (referenced.containsKey(name)) {
                referenced.put(name, new Secret(referenced.get(name)));
            }
        }
        return referenced;
    }

    public List<RecordedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource of {@code type} named {@code name}. */
    public RecordedResource named(String type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in "
                + resources.stream().filter(r -> r.type().equals(type)).map(RecordedResource::name).toList()));
    }

    public Optional<RecordedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    public Optional<RecordedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }
}
