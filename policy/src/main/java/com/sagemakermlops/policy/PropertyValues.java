package com.sagemakermlops.policy;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property values policies work on, and their conversion from Pulumi's wire format (a protobuf
 * {@link Struct} in which special objects are marked by a signature key).
 */
public final class PropertyValues {

    /** The deepest nesting of lists and objects read from the wire; deeper is refused. */
    public static final int MAX_DEPTH = 64;
    /** Key marking a special object. */
    public static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    /** The string that stands for a computed value not known during preview. */
    public static final String UNKNOWN_SIG = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    public static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    public static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
    public static final String RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    public static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /** Marker type of {@link #UNKNOWN}. */
    public enum Unknown {
        INSTANCE;

        @Override
        public String toString() {
            return "[unknown]";
        }
    }

    /** A computed value that is not known during preview. */
    public static final Unknown UNKNOWN = Unknown.INSTANCE;

    /** A secret value; policies see the value, messages never print it. */
    public record Secret(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    private PropertyValues() {
    }

    /**
     * Converts a property struct in Pulumi's wire format to a map of property values.
     *
     * @throws IllegalArgumentException when a property is nested deeper than {@value #MAX_DEPTH} levels
     */
    public static Map<String, Object> fromStruct(Struct struct) {
        return fromStruct(struct, 0, null);
    }

    private static Map<String, Object> fromStruct(Struct struct, int depth, String top) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (struct == null) {
            return out;
        }
        struct.getFieldsMap().forEach((k, v) -> out.put(k, fromValue(v, depth + 1, top == null ? k : top)));
        return out;
    }

    /** Converts one wire value. */
    public static Object fromValue(Value value) {
        return fromValue(value, 0, "value");
    }

    private static Object fromValue(Value value, int depth, String top) {
        if (value == null) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("property " + Printable.of(top.length() > 80 ? top.substring(0, 80)
                    : top) + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE:
                return value.getNumberValue();
            case STRING_VALUE:
                return UNKNOWN_SIG.equals(value.getStringValue()) ? UNKNOWN : value.getStringValue();
            case LIST_VALUE: {
                List<Object> list = new ArrayList<>();
                for (Value v : value.getListValue().getValuesList()) {
                    list.add(fromValue(v, depth + 1, top));
                }
                return list;
            }
            case STRUCT_VALUE:
                return fromObject(value.getStructValue(), depth, top);
            default:
                return null;
        }
    }

    private static Object fromObject(Struct struct, int depth, String top) {
        Value sig = struct.getFieldsMap().get(SIG_KEY);
        if (sig == null || sig.getKindCase() != Value.KindCase.STRING_VALUE) {
            return fromStruct(struct, depth, top);
        }
        Map<String, Value> fields = struct.getFieldsMap();
        switch (sig.getStringValue()) {
            case SECRET_SIG:
                return new Secret(fromValue(fields.get("value"), depth + 1, top));
            case OUTPUT_SIG: {
                boolean secret = fields.containsKey("secret") && fields.get("secret").getBoolValue();
                Value inner = fields.get("value");
                if (inner == null) {
                    return UNKNOWN;
                }
                Object v = fromValue(inner, depth + 1, top);
                return secret && v != UNKNOWN ? new Secret(v) : v;
            }
            case ASSET_SIG:
                return special("asset", struct, depth, top);
            case ARCHIVE_SIG:
                return special("archive", struct, depth, top);
            case RESOURCE_REF_SIG:
                return special("resource", struct, depth, top);
            default:
                return fromStruct(struct, depth, top);
        }
    }

    private static Map<String, Object> special(String kind, Struct struct, int depth, String top) {
        Map<String, Object> out = fromStruct(struct, depth, top);
        out.remove(SIG_KEY);
        out.put("kind", kind);
        return out;
    }

    /** Converts property values back to the wire format (secrets and unknowns included). */
    public static Struct toStruct(Map<String, ?> properties) {
        Struct.Builder b = Struct.newBuilder();
        if (properties != null) {
            properties.forEach((k, v) -> b.putFields(k, toValue(v)));
        }
        return b.build();
    }

    /** Converts one property value to the wire format. */
    public static Value toValue(Object v) {
        if (v == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (v == UNKNOWN) {
            return Value.newBuilder().setStringValue(UNKNOWN_SIG).build();
        }
        if (v instanceof Secret s) {
            return Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields(SIG_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                    .putFields("value", toValue(s.value()))).build();
        }
        if (v instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (v instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (v instanceof String str) {
            return Value.newBuilder().setStringValue(str).build();
        }
        if (v instanceof List<?> list) {
            ListValue.Builder lb = ListValue.newBuilder();
            list.forEach(e -> lb.addValues(toValue(e)));
            return Value.newBuilder().setListValue(lb).build();
        }
        if (v instanceof Map<?, ?> map) {
            Struct.Builder sb = Struct.newBuilder();
            map.forEach((k, e) -> sb.putFields(String.valueOf(k), toValue(e)));
            return Value.newBuilder().setStructValue(sb).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(v)).build();
    }

    /** Removes one level of secret wrapping. */
    public static Object unwrap(Object v) {
        Object cur = v;
        while (cur instanceof Secret s) {
            cur = s.value();
        }
        return cur;
    }

    /** True when the value is, or (inside lists and maps) contains, an unknown. */
    public static boolean containsUnknown(Object v) {
        Object u = unwrap(v);
        if (u == UNKNOWN) {
            return true;
        }
        if (u instanceof List<?> list) {
            return list.stream().anyMatch(PropertyValues::containsUnknown);
        }
        if (u instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(PropertyValues::containsUnknown);
        }
        return false;
    }

    /** Deeply removes secret wrappers (unknowns stay). */
    public static Object reveal(Object v) {
        Object u = unwrap(v);
        if (u instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(reveal(e)));
            return out;
        }
        if (u instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, e) -> out.put(String.valueOf(k), reveal(e)));
            return out;
        }
        return u;
    }
}
