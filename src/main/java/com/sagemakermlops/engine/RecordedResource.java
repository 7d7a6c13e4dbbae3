package com.sagemakermlops.engine;

import com.google.gson.Gson;
import com.google.protobuf.Struct;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PropertyValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One registration as the engine saw it: what a real {@code pulumi preview} would send to the engine and to the
 * policy analyzer.
 *
 * @param provider             the explicit provider's URN, or empty for the default provider
 * @param inputs               the inputs in Pulumi's wire format (unknowns and secrets included)
 * @param propertyDependencies per input property, the URNs its value came from (what the engine consults when a
 *                             delete-before-replace decides which dependents go first)
 * @param options              the resource options that shape a replacement or deletion
 */
public record RecordedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        Optional<String> parent,
        Optional<String> provider,
        List<String> dependencies,
        Struct inputs,
        Struct outputs,
        Map<String, List<String>> propertyDependencies,
        ResourceOptions options) {

    public static final String STACK_TYPE = "pulumi:pulumi:Stack";
    public static final String STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

    public RecordedResource {
        dependencies = List.copyOf(dependencies);
        propertyDependencies = Map.copyOf(propertyDependencies);
    }

    /** A registration with no property dependencies and default options. */
    public RecordedResource(String urn, String type, String name, boolean custom, Optional<String> parent,
                            Optional<String> provider, List<String> dependencies, Struct inputs, Struct outputs) {
        this(urn, type, name, custom, parent, provider, dependencies, inputs, outputs, Map.of(),
                ResourceOptions.NONE);
    }

    public Map<String, Object> inputValues() {
        return PropertyValues.fromStruct(inputs);
    }

    public Map<String, Object> outputValues() {
        return PropertyValues.fromStruct(outputs);
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /**
     * The first of a provider's {@code allowedAccountIds}, from its inputs: the account it deploys to. Provider
     * inputs reach the engine with non-string settings JSON-encoded, so the list may arrive as JSON text.
     */
    public static Optional<String> allowedAccount(Map<String, Object> providerInputs) {
        Object allowed = providerInputs.get("allowedAccountIds");
        if (allowed instanceof String json && json.startsWith("[")) {
            allowed = new Gson().fromJson(json, List.class);
        }
        return allowed instanceof List<?> list && !list.isEmpty() ? Optional.of(String.valueOf(list.get(0)))
                : Optional.empty();
    }

    public PolicyResource toPolicyResource() {
        return new PolicyResource(urn, type, name, inputValues(), parent.orElse(null), provider.orElse(null),
                dependencies);
    }
}
