package com.sagemakermlops.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource options of one registration that change what the engine does on a second deploy: how a replacement
 * happens, what a deletion leaves behind, what it ignores, and how long the provider may take.
 *
 * @param deleteBeforeReplace the program's {@code deleteBeforeReplace}, empty when it left the provider to decide
 * @param retainOnDelete      deleting it (or replacing it) only forgets it; the cloud resource stays
 * @param replaceOnChanges    properties whose change forces a replacement whatever the provider says
 * @param customTimeouts      {@code create}, {@code update}, {@code delete} durations as the SDK sends them (Go duration text)
 */
public record ResourceOptions(Optional<Boolean> deleteBeforeReplace, boolean retainOnDelete, boolean protect,
                              List<String> replaceOnChanges, List<String> ignoreChanges,
                              Map<String, String> customTimeouts) {

    public static final ResourceOptions NONE = new ResourceOptions(Optional.empty(), false, false, List.of(),
            List.of(), Map.of());

    public ResourceOptions {
        replaceOnChanges = List.copyOf(replaceOnChanges);
        ignoreChanges = List.copyOf(ignoreChanges);
        customTimeouts = Map.copyOf(customTimeouts);
    }

    /** True when the program asked for delete-before-replace itself. */
    public boolean deletesBeforeReplacing() {
        return deleteBeforeReplace.orElse(false);
    }

    public boolean isDefault() {
        return equals(NONE);
    }

    /** The options as plan JSON writes them: only those that are set. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        deleteBeforeReplace.ifPresent(value -> map.put("deleteBeforeReplace", value));
        if (retainOnDelete) {
            map.put("retainOnDelete", true);
        }
        if (protect) {
            map.put("protect", true);
        }
        if (!replaceOnChanges.isEmpty()) {
            map.put("replaceOnChanges", replaceOnChanges);
        }
        if (!ignoreChanges.isEmpty()) {
            map.put("ignoreChanges", ignoreChanges);
        }
        if (!customTimeouts.isEmpty()) {
            map.put("customTimeouts", new java.util.TreeMap<>(customTimeouts));
        }
        return map;
    }

    /** The inverse of {@link #asMap}, for options read back from plan JSON. */
    public static ResourceOptions fromMap(Map<?, ?> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        Map<String, String> timeouts = new LinkedHashMap<>();
        if (map.get("customTimeouts") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> timeouts.put(String.valueOf(k), String.valueOf(v)));
        }
        return new ResourceOptions(
                Optional.ofNullable(map.get("deleteBeforeReplace")).map(v -> Boolean.valueOf(String.valueOf(v))),
                Boolean.TRUE.equals(map.get("retainOnDelete")),
                Boolean.TRUE.equals(map.get("protect")),
                strings(map.get("replaceOnChanges")), strings(map.get("ignoreChanges")), timeouts);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
