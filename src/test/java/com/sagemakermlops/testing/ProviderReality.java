package com.sagemakermlops.testing;

import com.google.common.reflect.ClassPath;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.StackReferenceArgs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each resource of a plan is one its provider serves, with inputs that provider knows:
 * <ul>
 *   <li>a package whose Java SDK is on the classpath ({@code aws}: pulumi-aws): a class of
 *       {@code com.pulumi.<package>} annotated {@code @ResourceType(type = <token>)}, its inputs among the
 *       {@code @Import} names of the arguments class its constructor takes (the SDK is generated from the provider's
 *       schema of the same version, so it serves exactly those types);</li>
 *   <li>any other package: its published schema pinned in {@code provider-schemas/<package>.json}, of the version its
 *       {@code com/pulumi/<package>/plugin.json} names, listing the token and every input name;</li>
 *   <li>the engine's own: the root {@code pulumi:pulumi:Stack} and {@code pulumi:pulumi:StackReference} (inputs of
 *       the SDK's {@code StackReferenceArgs}); {@code pulumi:providers:<package>} is that package's provider
 *       resource;</li>
 *   <li>the program's own components ({@code sagemaker-mlops:...}): a {@code ComponentResource} of this program
 *       whose {@code TYPE} is the token.</li>
 * </ul>
 */
public final class ProviderReality {
    public static final String ROOT_STACK = "pulumi:pulumi:Stack";
    public static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    private static final String PROGRAM_PACKAGE = "sagemaker-mlops";
    private static final String PROGRAM_CLASSES = "com.sagemakermlops";

    private final Path schemas;
    private final ClassPath classPath;
    private final Map<String, Optional<Set<String>>> served = new ConcurrentHashMap<>();
    private final Map<String, List<ClassPath.ClassInfo>> sdkClasses = new ConcurrentHashMap<>();

    /** @param schemas the folder of pinned published schemas ({@code src/test/resources/provider-schemas}) */
    public ProviderReality(Path schemas) {
        this.schemas = schemas;
        try {
            this.classPath = ClassPath.from(ProviderReality.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One resource of a plan: its type token and the names of its inputs. */
    public record Resource(String type, String name, Collection<String> inputs) {
    }

    /** What no provider serves among {@code resources}: one line per unknown type or input; empty when none. */
    public List<String> problems(Collection<Resource> resources) {
        Set<String> problems = new LinkedHashSet<>();
        for (Resource resource : resources) {
            Optional<Set<String>> inputs = served.computeIfAbsent(resource.type(), this::inputsOf);
            if (inputs.isEmpty()) {
                problems.add(resource.type() + " (" + resource.name() + "): " + unserved(resource.type()));
                continue;
            }
            for (String input : new TreeSet<>(resource.inputs())) {
                if (!inputs.get().contains(input)) {
                    problems.add(resource.type() + " (" + resource.name() + "): input '" + input
                            + "' is not one its provider knows");
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The input names the type's provider accepts, or empty when nothing serves the type. */
    private Optional<Set<String>> inputsOf(String type) {
        if (type.equals(ROOT_STACK)) {
            return Optional.of(Set.of());
        }
        if (type.equals(STACK_REFERENCE)) {
            return Optional.of(importNames(StackReferenceArgs.class));
        }
        String pkg = type.startsWith("pulumi:providers:") ? type.substring("pulumi:providers:".length())
                : type.substring(0, Math.max(type.indexOf(':'), 0));
        if (pkg.equals(PROGRAM_PACKAGE)) {
            return programComponent(type) ? Optional.of(Set.of()) : Optional.empty();
        }
        Optional<Set<String>> fromSdk = sdkClass(pkg, type).map(ProviderReality::argsImports);
        return fromSdk.isPresent() ? fromSdk : publishedSchema(pkg).flatMap(schema -> schemaInputs(schema, type));
    }

    private String unserved(String type) {
        String pkg = type.startsWith("pulumi:providers:") ? type.substring("pulumi:providers:".length())
                : type.substring(0, Math.max(type.indexOf(':'), 0));
        if (pkg.equals(PROGRAM_PACKAGE)) {
            return "no component of this program has that TYPE";
        }
        if (!sdkPackage(pkg).isEmpty()) {
            return "the " + pkg + " Java SDK has no resource of that type";
        }
        return publishedSchema(pkg).isPresent() ? "the pinned " + pkg + " schema has no resource of that type"
                : "no provider serves package '" + pkg + "': its Java SDK is not on the classpath and no published "
                + "schema of it is pinned in " + schemas.getFileName();
    }

    /** The classes of the Java SDK of {@code pkg} ({@code aws-native} would be {@code com.pulumi.awsnative}). */
    private List<ClassPath.ClassInfo> sdkPackage(String pkg) {
        return sdkClasses.computeIfAbsent(pkg, p ->
                classPath.getTopLevelClassesRecursive("com.pulumi." + p.replace("-", "")).asList());
    }

    private Optional<Class<?>> sdkClass(String pkg, String type) {
        String simpleName = type.substring(type.lastIndexOf(':') + 1);
        String wanted = type.startsWith("pulumi:providers:") ? "Provider" : simpleName;
        for (ClassPath.ClassInfo info : sdkPackage(pkg)) {
            if (info.getSimpleName().equals(wanted)) {
                Class<?> candidate = info.load();
                ResourceType annotation = candidate.getAnnotation(ResourceType.class);
                if (annotation != null && annotation.type().equals(type)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code @Import} names of the arguments class the resource's constructor takes. */
    private static Set<String> argsImports(Class<?> resource) {
        for (Constructor<?> constructor : resource.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length >= 2 && parameters[0] == String.class
                    && com.pulumi.resources.ResourceArgs.class.isAssignableFrom(parameters[1])) {
                return importNames(parameters[1]);
            }
        }
        throw new IllegalStateException(resource + " has no (name, args) constructor");
    }

    private static Set<String> importNames(Class<?> args) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = args; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Import imported = field.getAnnotation(Import.class);
                if (imported != null) {
                    names.add(imported.name());
                }
            }
        }
        return names;
    }

    private boolean programComponent(String type) {
        for (ClassPath.ClassInfo info : classPath.getTopLevelClassesRecursive(PROGRAM_CLASSES)) {
            if (!info.getName().contains(".components.") && !info.getName().contains(".stacks.")) {
                continue;
            }
            Class<?> candidate = info.load();
            if (!ComponentResource.class.isAssignableFrom(candidate)) {
                continue;
            }
            try {
                Field field = candidate.getField("TYPE");
                if (Modifier.isStatic(field.getModifiers()) && type.equals(field.get(null))) {
                    return true;
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // a component without a public TYPE constant names no type here
            }
        }
        return false;
    }

    /** The pinned schema of {@code pkg}, after checking it is the version the binding's plugin.json names. */
    private Optional<JsonObject> publishedSchema(String pkg) {
        Path file = schemas.resolve(pkg + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject schema = new Gson().fromJson(Files.readString(file), JsonObject.class);
            Optional<String> plugin = pluginVersion(pkg);
            String version = schema.has("version") ? schema.get("version").getAsString() : "";
            if (plugin.isPresent() && !plugin.get().equals(version)) {
                throw new IllegalStateException("the pinned " + pkg + " schema is version " + version
                        + " while plugin.json names " + plugin.get());
            }
            return Optional.of(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> pluginVersion(String pkg) {
        String resource = "com/pulumi/" + pkg.replace("-", "") + "/plugin.json";
        try (InputStream in = ProviderReality.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonObject plugin = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
            return Optional.of(plugin.get("version").getAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Set<String>> schemaInputs(JsonObject schema, String type) {
        JsonObject resources = schema.getAsJsonObject("resources");
        if (resources == null || !resources.has(type)) {
            return Optional.empty();
        }
        JsonObject inputs = resources.getAsJsonObject(type).getAsJsonObject("inputProperties");
        return Optional.of(inputs == null ? Set.of() : new TreeSet<>(inputs.keySet()));
    }

    /** The resources of a plan written by {@code mlops plan --json}, every stack's. */
    @SuppressWarnings("unchecked")
    public static List<Resource> ofPlan(String planJson) {
        List<Resource> resources = new ArrayList<>();
        Map<String, Object> plan = new Gson().fromJson(planJson, Map.class);
        for (Map<String, Object> stack : (List<Map<String, Object>>) plan.get("stacks")) {
            for (Map<String, Object> resource : (List<Map<String, Object>>) stack.get("resources")) {
                Map<String, Object> inputs = (Map<String, Object>) resource.getOrDefault("inputs", Map.of());
                resources.add(new Resource(String.valueOf(resource.get("type")), String.valueOf(resource.get("name")),
                        inputs == null ? Set.of() : inputs.keySet()));
            }
        }
        return resources;
    }
}
