package com.sagemakermlops.cli;

import com.google.gson.GsonBuilder;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.plan.PlanValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} plan: resources (with the property dependencies and the resource options a second deploy depends
 * on, when there are any), outputs and violations of every stack, secrets masked.
 */
final class PlanJson {
    private PlanJson() {
    }

    static String render(List<StackPlan> plans) {
        List<Object> stacks = new ArrayList<>();
        for (StackPlan plan : plans) {
            Map<String, Object> stack = new LinkedHashMap<>();
            stack.put("stack", plan.stack());
            stack.put("resources", plan.recording().resources().stream().map(PlanJson::resource).toList());
            Map<String, Object> outputs = new LinkedHashMap<>(plan.recording().outputs());
            plan.recording().secretOutputs().forEach(name -> outputs.put(name, PlanValues.SECRET));
            stack.put("outputs", outputs);
            stack.put("violations", plan.findings().stream().map(PlanJson::violation).toList());
            stacks.add(stack);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(Map.of("stacks", stacks)) + "\n";
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
