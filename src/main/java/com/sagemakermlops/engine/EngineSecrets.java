package com.sagemakermlops.engine;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.sagemakermlops.policy.PropertyValues;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The secrets the Pulumi engine keeps in what it answers a program, which the SDK's mock monitor drops (it hands the
 * mocks plain inputs and serializes their plain state), so that a secret stays secret in the plan and in every
 * resource that depends on it:
 * <ul>
 *   <li>a registered resource's output is secret when the input of the same name is a secret, or when the program
 *       lists it in {@code additionalSecretOutputs} ({@code id} never is): pulumi/pulumi
 *       {@code pkg/resource/deploy/step_executor.go}, "Ensure that any secrets properties in the output are marked as
 *       such" and "If an input secret is potentially leaked as an output, preemptively mark it as secret";</li>
 *   <li>a stack reference's outputs keep their secrets, and {@code secretOutputNames} names the outputs that contain
 *       one: pulumi/pulumi {@code pkg/resource/deploy/builtins.go}, {@code readStackReference}.</li>
 * </ul>
 */
final class EngineSecrets {
    private static final String ID = "id";

    private EngineSecrets() {
    }

    /** The outputs of a registered resource as the engine returns them, from its inputs and the provider's outputs. */
    static Struct registeredOutputs(Struct inputs, Collection<String> additionalSecretOutputs, Struct outputs) {
        Set<String> secret = new HashSet<>(additionalSecretOutputs);
        secret.remove(ID);
        inputs.getFieldsMap().forEach((name, value) -> {
            if (isSecret(value)) {
                secret.add(name);
            }
        });
        return withSecrets(outputs, secret);
    }

    /** The properties of a stack reference as the engine reads them: the outputs it names secret are secrets. */
    static Struct stackReference(Struct properties) {
        Value outputs = properties.getFieldsMap().get("outputs");
        Value names = properties.getFieldsMap().get("secretOutputNames");
        if (outputs == null || !outputs.hasStructValue() || names == null || !names.hasListValue()) {
            return properties;
        }
        Set<String> secret = new HashSet<>();
        names.getListValue().getValuesList().forEach(name -> secret.add(name.getStringValue()));
        return properties.toBuilder()
                .putFields("outputs", Value.newBuilder().setStructValue(withSecrets(outputs.getStructValue(), secret))
                        .build())
                .build();
    }

    private static Struct withSecrets(Struct properties, Set<String> secret) {
        if (secret.isEmpty()) {
            return properties;
        }
        Struct.Builder marked = properties.toBuilder();
        for (Map.Entry<String, Value> property : properties.getFieldsMap().entrySet()) {
            if (secret.contains(property.getKey()) && !isSecret(property.getValue())) {
                marked.putFields(property.getKey(), secretValue(property.getValue()));
            }
        }
        return marked.build();
    }

    /** Whether a wire value is a secret itself (a secret inside it leaves the property as it is, as in the engine). */
    private static boolean isSecret(Value value) {
        if (!value.hasStructValue()) {
            return false;
        }
        Map<String, Value> fields = value.getStructValue().getFieldsMap();
        String sig = fields.containsKey(PropertyValues.SIG_KEY) ? fields.get(PropertyValues.SIG_KEY).getStringValue() : "";
        return sig.equals(PropertyValues.SECRET_SIG)
                || sig.equals(PropertyValues.OUTPUT_SIG) && fields.containsKey("secret") && fields.get("secret").getBoolValue();
    }

    /** A value in Pulumi's wire form of a secret (pulumi/pulumi sdk/go/common/resource/sig/sig.go). */
    private static Value secretValue(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(PropertyValues.SIG_KEY, Value.newBuilder().setStringValue(PropertyValues.SECRET_SIG).build())
                .putFields("value", value)).build();
    }
}
