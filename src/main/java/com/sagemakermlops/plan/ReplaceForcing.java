package com.sagemakermlops.plan;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The replace-forcing table ({@code replace-forcing.json} beside this class): per resource type, the input
 * properties whose change makes the provider replace the resource, the inputs that name it in AWS, and the property
 * the provider names itself when left out. Each row cites the provider source it was read from.
 */
public final class ReplaceForcing {
    static final String RESOURCE = "replace-forcing.json";
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    /**
     * One type's row.
     *
     * @param physicalName the inputs naming the resource in its account and region (empty: AWS makes up its id)
     * @param autonamed    the property pulumi-aws fills in when the program leaves it out; set by the program, the
     *                     provider answers a replacement with delete-before-replace
     * @param replaceOn    property paths whose change (anywhere below them) forces a replacement
     */
    public record Row(String type, String source, List<String> physicalName, Optional<String> autonamed,
                      List<String> replaceOn) {
        public Row {
            physicalName = List.copyOf(physicalName);
            replaceOn = List.copyOf(replaceOn);
        }

        /** True when a change at {@code path} (such as {@code productionVariants[0].instanceType}) forces a replacement. */
        public boolean forcesReplacement(String path) {
            return replaceOn.stream().anyMatch(forcing -> covers(forcing, path));
        }

        /** True when the program set the autonamed property itself, so the provider deletes before replacing. */
        public boolean providerDeletesFirst(Map<String, Object> inputs) {
            return autonamed.map(inputs::containsKey).orElse(false);
        }
    }

    private final Map<String, Row> rows;

    ReplaceForcing(Map<String, Row> rows) {
        this.rows = Map.copyOf(rows);
    }

    /** The table shipped with the program. */
    public static ReplaceForcing standard() {
        try (InputStream in = ReplaceForcing.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the program's resources");
            }
            return parse(new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplaceForcing parse(JsonObject document) {
        Map<String, Row> rows = new TreeMap<>();
        document.getAsJsonObject("types").entrySet().forEach(entry -> {
            JsonObject row = entry.getValue().getAsJsonObject();
            rows.put(entry.getKey(), new Row(entry.getKey(), row.get("source").getAsString(),
                    strings(row, "physicalName"),
                    Optional.ofNullable(row.get("autonamed")).map(v -> v.getAsString()),
                    strings(row, "replaceOn")));
        });
        return new ReplaceForcing(rows);
    }

    public Optional<Row> row(String type) {
        return Optional.ofNullable(rows.get(type));
    }

    public Map<String, Row> rows() {
        return rows;
    }

    /** True when {@code forcing} (a property or block) is {@code path} or holds it. */
    static boolean covers(String forcing, String path) {
        String bare = INDEX.matcher(path).replaceAll("");
        return bare.equals(forcing) || bare.startsWith(forcing + ".");
    }

    private static List<String> strings(JsonObject row, String key) {
        return row.getAsJsonArray(key).asList().stream().map(v -> v.getAsString()).toList();
    }
}
