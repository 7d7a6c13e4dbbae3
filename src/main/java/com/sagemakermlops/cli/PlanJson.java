package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.plan.PlanValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} plan: resources (with the property dependencies and the resource options a second deploy depends
 * on, when there are any), outputs and violations of every stack, secrets masked. Written one stack at a time as each
 * is planned, into a temporary file that replaces the plan file once every stack is in, so a run of many stacks
 * never holds all of their plans at once.
 */
final class PlanJson implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private final Path folder;
    private final Path partial;
    private final JsonWriter json;

    PlanJson() {
        try {
            // a new file in a temporary folder, so the plan gets the permissions any new file gets
            folder = Files.createTempDirectory("mlops-plan");
            partial = folder.resolve("plan.json");
            json = GSON.newJsonWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
            json.beginObject().name("stacks").beginArray();
        } catch (IOException e) {
            throw new UsageException("--json: cannot write a temporary file (" + e.getMessage() + ")");
        }
    }

    /** Appends the plan of the next stack. */
    void add(StackPlan plan) {
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("stack", plan.stack());
        stack.put("resources", plan.recording().resources().stream().map(PlanJson::resource).toList());
        Map<String, Object> outputs = new LinkedHashMap<>(plan.recording().outputs());
        plan.recording().secretOutputs().forEach(name -> outputs.put(name, PlanValues.SECRET));
        stack.put("outputs", outputs);
        stack.put("violations", plan.findings().stream().map(PlanJson::violation).toList());
        GSON.toJson(stack, stack.getClass(), json);
    }

    /** Completes the plan and puts it at {@code file}. */
    void writeTo(Path file) {
        try {
            json.endArray().endObject().flush();
            json.close();
            Files.writeString(partial, "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UsageException("--json: cannot write a temporary file (" + e.getMessage() + ")");
        }
        CliFiles.moveTo(partial, file);
    }

    /** Removes the temporary folder, and the partial plan in it when the plan was not written (a stack failed). */
    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException incompleteDocument) {
            // the writer is closed all the same; the partial plan goes with its file
        }
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UsageException("--json: cannot remove the temporary file " + partial + " (" + e.getMessage() + ")");
        }
    }

    private static Map<String, Object> resource(RecordedResource r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("urn", r.urn());
        json.put("type", r.type());
        json.put("name", r.name());
        json.put("parent", r.parent().orElse(null));
        json.put("provider", r.provider().orElse(null));
        json.put("dependencies", r.dependencies());
        if (!r.propertyDependencies().isEmpty()) {
            json.put("propertyDependencies", new java.util.TreeMap<>(r.propertyDependencies()));
        }
        if (!r.options().isDefault()) {
            json.put("options", r.options().asMap());
        }
        json.put("inputs", PlanValues.plain(r.inputValues()));
        return json;
    }

    private static Map<String, Object> violation(PolicyFinding f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", f.policy());
        json.put("level", f.level().toString());
        json.put("severity", f.severity().toString());
        json.put("urn", f.urn());
        json.put("type", f.type());
        json.put("name", f.name());
        json.put("message", f.message());
        json.put("suppressed", f.suppressed());
        json.put("reason", f.reason());
        return json;
    }
}
