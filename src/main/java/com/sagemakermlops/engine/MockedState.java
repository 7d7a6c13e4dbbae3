package com.sagemakermlops.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.sagemakermlops.policy.PropertyValues;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state the SDK's mock monitor answers a registration with ({@code MockMonitor.registerResourceAsync}), worked
 * out on the wire values instead of through the SDK's deserializer and serializer, which format a debug message for
 * every property on the way. What the mocks see and what comes back are what the SDK makes of them:
 * <ul>
 *   <li>the inputs the mocks get are the known, non-null inputs with every secret unwrapped: a property holding an
 *       unknown anywhere in it is left out, and inside objects null members and members named {@code __...} are
 *       dropped ({@code Deserializer});</li>
 *   <li>the state is serialized back with the members of every object in key order and null members left out
 *       ({@code Serializer.createStruct}).</li>
 * </ul>
 * Inputs holding an asset, an archive, a resource reference or an output value are not worked out here
 * ({@link #plainInputs} is empty): the SDK turns those into objects of its own, so such a registration goes the
 * SDK's way.
 */
final class MockedState {
    /** A property whose value holds an unknown: the mocks never see it. */
    private static final Value UNKNOWN = Value.newBuilder().setStringValue(PropertyValues.UNKNOWN_SIG).build();
    private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

    private MockedState() {
    }

    /** The inputs as the mocks get them, on the wire; empty when the registration must go the SDK's way. */
    static Optional<Struct> plainInputs(Struct inputs) {
        Struct.Builder plain = Struct.newBuilder();
        for (Map.Entry<String, Value> input : new TreeMap<>(inputs.getFieldsMap()).entrySet()) {
            Value value = plain(input.getValue());
            if (value == null) {
                return Optional.empty();
            }
            if (value != UNKNOWN && value != NULL) {
                plain.putFields(input.getKey(), value);
            }
        }
        return Optional.of(plain.build());
    }

    /**
     * The state the mock monitor answers with: the plain inputs, with what the mocks changed or added in
     * {@code state} (compared by identity with {@code inputs}, the plain inputs as the mocks got them).
     */
    static Struct answer(Struct plainInputs, Map<String, Object> inputs, Map<String, Object> state) {
        Map<String, Value> answer = new TreeMap<>(plainInputs.getFieldsMap());
        state.forEach((name, value) -> {
            if (!inputs.containsKey(name) || inputs.get(name) != value) {
                answer.put(name, wire(Objects.requireNonNull(value, () -> "the mocks answered " + name + " = null")));
            }
        });
        inputs.keySet().stream().filter(name -> !state.containsKey(name)).forEach(answer::remove);
        return Struct.newBuilder().putAllFields(answer).build();
    }

    /** A value as the mocks see it: UNKNOWN, NULL, the plain value, or null when the SDK must convert it. */
    private static Value plain(Value value) {
        Value unwrapped = value;
        while (special(unwrapped).equals(PropertyValues.SECRET_SIG)) {
            unwrapped = unwrapped.getStructValue().getFieldsMap().get("value");
            if (unwrapped == null) {
                return null;
            }
        }
        switch (unwrapped.getKindCase()) {
            case NULL_VALUE:
                return NULL;
            case STRING_VALUE:
                return PropertyValues.UNKNOWN_SIG.equals(unwrapped.getStringValue()) ? UNKNOWN : unwrapped;
            case NUMBER_VALUE:
            case BOOL_VALUE:
                return unwrapped;
            case LIST_VALUE:
                return plainList(unwrapped.getListValue());
            case STRUCT_VALUE:
                return special(unwrapped).isEmpty() ? plainObject(unwrapped.getStructValue()) : null;
            default:
                return null;
        }
    }

    private static Value plainList(ListValue list) {
        ListValue.Builder plain = ListValue.newBuilder();
        boolean known = true;
        for (Value element : list.getValuesList()) {
            Value value = plain(element);
            if (value == null) {
                return null;
            }
            known &= value != UNKNOWN;
            plain.addValues(value == UNKNOWN ? NULL : value);
        }
        return known ? Value.newBuilder().setListValue(plain).build() : UNKNOWN;
    }

    private static Value plainObject(Struct object) {
        Map<String, Value> members = new TreeMap<>();
        boolean known = true;
        for (Map.Entry<String, Value> member : object.getFieldsMap().entrySet()) {
            if (member.getKey().startsWith("__")) {
                continue;
            }
            Value value = plain(member.getValue());
            if (value == null) {
                return null;
            }
            known &= value != UNKNOWN;
            if (value != UNKNOWN && value != NULL) {
                members.put(member.getKey(), value);
            }
        }
        return known ? Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(members)).build() : UNKNOWN;
    }

    /** The signature of a special object, or "" for any other value. */
    private static String special(Value value) {
        if (!value.hasStructValue()) {
            return "";
        }
        Value sig = value.getStructValue().getFieldsMap().get(PropertyValues.SIG_KEY);
        return sig != null && sig.hasStringValue() ? sig.getStringValue() : "";
    }

    /** A value the mocks put in the state, as the SDK's serializer writes it. */
    private static Value wire(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String text) {
            return Value.newBuilder().setStringValue(text).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Integer || value instanceof Double) {
            return Value.newBuilder().setNumberValue(((Number) value).doubleValue()).build();
        }
        if (value instanceof List<?> list) {
            ListValue.Builder wired = ListValue.newBuilder();
            list.forEach(element -> wired.addValues(wire(element)));
            return Value.newBuilder().setListValue(wired).build();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Value> members = new TreeMap<>();
            map.forEach((key, member) -> {
                if (member != null) {
                    members.put((String) key, wire(member));
                }
            });
            return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(members)).build();
        }
        throw new IllegalArgumentException("the mocks answered with a " + value.getClass().getName()
                + ", which the SDK's serializer does not write");
    }
}
