package com.sagemakermlops.contract;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment.Stage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads and writes the contract's records by their components, so no output name or shape is written twice: a
 * component's name is the output's (or the entry's) name and its type is what the value holds. A component whose type
 * is another record is a group: its members sit beside it, flat, as the tooling stack has always exported them. The
 * top-level records hold an {@link Output} per output (each keeps its own secrecy); the values inside them hold
 * text, flags, lists of text, optional text, records and maps keyed by {@link Stage}.
 */
final class ExportCodec {
    private ExportCodec() {
    }

    /** Each output of {@code exports} under its name, in the form a stack output takes (maps, lists, text). */
    static void write(Record exports, BiConsumer<String, Output<?>> export) {
        for (RecordComponent component : exports.getClass().getRecordComponents()) {
            Object value = valueOf(component, exports);
            if (value instanceof Record group) {
                write(group, export);
            } else {
                export.accept(component.getName(), ((Output<?>) value).applyValue(ExportCodec::wire));
            }
        }
    }

    /** The outputs of {@code type} from {@code source} by name, each decoded to its type when it arrives. */
    static <R extends Record> R read(Class<R> type, Function<String, Output<Object>> source) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getType().isRecord()) {
                values[i] = read(component.getType().asSubclass(Record.class), source);
            } else {
                Type held = outputType(component);
                String name = component.getName();
                values[i] = source.apply(name).applyValue(value -> decodeOrFail(held, value, name));
            }
        }
        return construct(type, values);
    }

    /** Every way {@code outputs} differs from the outputs {@code type} reads, each naming its output's path. */
    static void check(Class<? extends Record> type, Map<?, ?> outputs, List<String> problems) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isRecord()) {
                check(component.getType().asSubclass(Record.class), outputs, problems);
            } else {
                decode(outputType(component), outputs.get(component.getName()), component.getName(), problems);
            }
        }
    }

    /** A value as a stack output holds it: records as flat objects (empty optionals left out), stages by id. */
    static Object wire(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(ExportCodec::wire).orElse(null);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExportCodec::wire).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> wired = new LinkedHashMap<>();
            map.forEach((key, entry) -> wired.put(key instanceof Stage stage ? stage.id() : String.valueOf(key),
                    wire(entry)));
            return wired;
        }
        if (value instanceof Record record) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten(record, flat);
            return flat;
        }
        return value;
    }

    /**
     * {@code value} read as {@code type}, or null with a problem per difference added to {@code problems}.
     *
     * @param at the value's path among the outputs ({@code environments.preprod.accountId})
     */
    static Object decode(Type type, Object value, String at, List<String> problems) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            return switch (((Class<?>) generic.getRawType()).getSimpleName()) {
                case "Optional" -> value == null ? Optional.empty()
                        : Optional.ofNullable(decode(arguments[0], value, at, problems));
                case "List" -> strings(value, at, problems);
                case "Map" -> byStage((Class<?>) arguments[1], value, at, problems);
                default -> throw new IllegalArgumentException("the contract holds no " + type.getTypeName());
            };
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            if (value instanceof String text && !text.isEmpty()) {
                return text;
            }
            return problem(problems, at, "a non-empty string", value);
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return value instanceof Boolean flag ? flag : problem(problems, at, "true or false", value);
        }
        if (plain.isRecord()) {
            return value instanceof Map<?, ?> entry ? flatRecord(plain.asSubclass(Record.class), entry, at, problems)
                    : problem(problems, at, "an object", value);
        }
        throw new IllegalArgumentException("the contract holds no " + type.getTypeName());
    }

    /** How a value is named in a problem: text quoted and cut, others by kind. */
    static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String text) {
            return "\"" + (text.length() <= 120 ? text : text.substring(0, 120) + "...") + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return "the number " + number.longValue();
        }
        return value instanceof Boolean ? String.valueOf(value) : "the number " + value;
    }

    private static Object decodeOrFail(Type type, Object value, String name) {
        List<String> problems = new ArrayList<>();
        Object decoded = decode(type, value, name, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the tooling stack's outputs are not what this program reads: "
                    + String.join("; ", problems) + ". Update the tooling stack with this program first");
        }
        return decoded;
    }

    private static List<String> strings(Object value, String at, List<String> problems) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        problem(problems, at, "a list of strings", value);
        return null;
    }

    private static Map<Stage, Object> byStage(Class<?> entryType, Object value, String at, List<String> problems) {
        if (!(value instanceof Map<?, ?> entries)) {
            problem(problems, at, "an object of stages", value);
            return null;
        }
        Map<Stage, Object> stages = new LinkedHashMap<>();
        int before = problems.size();
        for (Stage stage : Stage.values()) {
            Object entry = entries.get(stage.id());
            if (entry != null) {
                stages.put(stage, decode(entryType, entry, at + "." + stage.id(), problems));
            }
        }
        return problems.size() == before ? stages : null;
    }

    private static Record flatRecord(Class<? extends Record> type, Map<?, ?> entry, String at, List<String> problems) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values[i] = component.getType().isRecord()
                    ? flatRecord(component.getType().asSubclass(Record.class), entry, at, problems)
                    : decode(component.getGenericType(), entry.get(component.getName()),
                    at + "." + component.getName(), problems);
        }
        return problems.size() == before ? construct(type, values) : null;
    }

    private static void flatten(Record record, Map<String, Object> flat) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            if (value instanceof Record group) {
                flatten(group, flat);
            } else {
                Object wired = wire(value);
                if (wired != null) {
                    flat.put(component.getName(), wired);
                }
            }
        }
    }

    private static Object problem(List<String> problems, String at, String expected, Object value) {
        problems.add(at + ": expected " + expected + ", got " + kind(value));
        return null;
    }

    /** What the output {@code name} of {@code type} holds. */
    static Type outputTypeOf(Class<? extends Record> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .map(ExportCodec::outputType)
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no output " + name));
    }

    private static Type outputType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType output && output.getRawType() == Output.class) {
            return output.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException(component + " of the contract is neither an Output nor a group");
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of the contract", e);
        }
    }

    private static <R extends Record> R construct(Class<R> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " of the contract", e);
        }
    }
}
