package com.sagemakermlops.cli;

import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.engine.RecordedResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --graph} plan as a Mermaid flowchart: one subgraph per stack, parent edges between components and
 * resources, dotted edges from each explicit provider (labelled with the account it deploys to) to what it
 * deploys, and an edge from each hosting stack's stack reference to the tooling stack it reads.
 */
final class MermaidGraph {
    private MermaidGraph() {
    }

    static String render(List<StackPlan> plans) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = new HashMap<>();
        Map<String, String> stackRoots = new HashMap<>();
        for (int s = 0; s < plans.size(); s++) {
            StackPlan plan = plans.get(s);
            out.append("  subgraph stack_").append(s).append("[\"stack ").append(plan.stack()).append(" (")
                    .append(plan.config().role().name().toLowerCase()).append(")\"]\n");
            List<RecordedResource> resources = plan.recording().resources();
            for (int r = 0; r < resources.size(); r++) {
                RecordedResource resource = resources.get(r);
                String id = "s" + s + "_" + r;
                ids.put(resource.urn(), id);
                if (resource.type().equals(RecordedResource.STACK_TYPE)) {
                    stackRoots.put(plan.stack(), id);
                }
                out.append("    ").append(id).append(shape(resource)).append("\n");
            }
            out.append("  end\n");
        }
        for (StackPlan plan : plans) {
            for (RecordedResource resource : plan.recording().resources()) {
                String id = ids.get(resource.urn());
                resource.parent().map(ids::get).ifPresent(parent ->
                        out.append("  ").append(parent).append(" --> ").append(id).append("\n"));
                resource.provider().filter(ids::containsKey).ifPresent(provider ->
                        out.append("  ").append(ids.get(provider)).append(" -.->|deploys| ").append(id).append("\n"));
            }
            if (plan.config().role() == StackRole.HOSTING) {
                String reference = plan.config().requireHosting().toolingStack();
                String tooling = stackRoots.get(StackFiles.shortName(reference));
                plan.recording().ofType(RecordedResource.STACK_REFERENCE_TYPE).forEach(ref -> {
                    if (tooling != null) {
                        out.append("  ").append(ids.get(ref.urn())).append(" ==>|stack reference| ")
                                .append(tooling).append("\n");
                    }
                });
            }
        }
        return out.toString();
    }

    private static String shape(RecordedResource resource) {
        String type = resource.type();
        String shortType = type.contains(":") ? type.substring(type.lastIndexOf(':') + 1) : type;
        String label = (shortType + "<br/>" + resource.name()).replace("\"", "'");
        if (resource.isProvider()) {
            String where = RecordedResource.allowedAccount(resource.inputValues()).map(a -> "<br/>account " + a)
                    .orElse("");
            return "{{\"provider " + resource.name() + where + "\"}}";
        }
        return resource.custom() ? "[\"" + label + "\"]" : "([\"" + label + "\"])";
    }
}
