package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.InvalidConfigException;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.engine.FakeCloud;
import com.sagemakermlops.engine.OfflineEngine;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.stacks.Platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mlops plan}: runs each stack's program offline against the mock engine, evaluates the policy pack and
 * reports. Exit 0 when no mandatory violation, 1 when there are, 2 for bad configuration or usage.
 */
final class PlanCommand {
    static final String DEFAULT_ACCOUNT = "123456789012";
    /** Stacks planned at once: the pool's two workers stay busy when one stack's program waits on the other. */
    private static final int SIDE_BY_SIDE = 2;

    private final Path projectDir;
    private final PrintStream out;
    private final PrintStream err;

    PlanCommand(Path projectDir, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.out = out;
        this.err = err;
    }

    /** A stack file, read and validated. */
    private record ParsedStack(String stack, Path file, StackConfig config) {
    }

    int run(PlanOptions options) {
        PolicyPackConfig policyConfig = policyConfig(options.policyConfig());
        List<ParsedStack> stacks = parseAll(options.stacks());
        if (stacks == null) {
            return 2;
        }
        // outputs by short stack name, as the fake cloud finds a referenced stack
        Map<String, Map<String, Object>> knownOutputs = new LinkedHashMap<>();
        options.stackOutputs().forEach((stack, file) ->
                knownOutputs.put(StackFiles.shortName(stack), outputsFromPlan(stack, file)));

        try (PlanResults results = new PlanResults(options, projectDir);
             SideBySide<StackPlan> runs = new SideBySide<>(SIDE_BY_SIDE)) {
            List<ParsedStack> order = toolingFirst(stacks);
            for (int next = 0; next < order.size() || !runs.isEmpty(); ) {
                if (next < order.size() && !runs.full() && !mustWait(order.get(next), knownOutputs, runs)) {
                    ParsedStack parsed = order.get(next++);
                    List<String> notes = new ArrayList<>();
                    FakeCloud cloud = cloudFor(parsed.config(), knownOutputs, notes);
                    runs.add(parsed.stack(), () -> plan(parsed, cloud, notes, policyConfig));
                    continue;
                }
                StackPlan plan = runs.take();
                if (!plan.recording().errors().isEmpty()) {
                    err.println("error: the program failed for stack " + plan.stack() + ":");
                    plan.recording().errors().forEach(e -> err.println("  " + e));
                    return 1;
                }
                knownOutputs.put(plan.stack(), plan.recording().referencedOutputs());
                results.add(plan);
            }
            return results.finish(out);
        }
    }

    /**
     * Whether a stack must wait for the stacks before it to finish: a hosting stack whose tooling stack is planned
     * in this run, or whose outputs are not known yet (they come from a plan of its stack file, or placeholders).
     */
    private static boolean mustWait(ParsedStack parsed, Map<String, Map<String, Object>> known,
                                    SideBySide<StackPlan> runs) {
        if (parsed.config().role() != StackRole.HOSTING || runs.isEmpty()) {
            return false;
        }
        String tooling = StackFiles.shortName(parsed.config().requireHosting().toolingStack());
        return runs.has(tooling) || !known.containsKey(tooling);
    }

    /** One stack planned in its fake cloud and checked by the policy pack (unless the program failed). */
    private static StackPlan plan(ParsedStack parsed, FakeCloud cloud, List<String> notes,
                                  PolicyPackConfig policyConfig) {
        Recording recording = OfflineEngine.run(parsed.stack(), cloud, false,
                ctx -> Platform.define(ctx, parsed.config()));
        List<PolicyFinding> findings = recording.errors().isEmpty()
                ? PolicyPack.standard().evaluate(
                        recording.resources().stream().map(RecordedResource::toPolicyResource).toList(), policyConfig)
                : List.of();
        return new StackPlan(parsed.stack(), parsed.file(), parsed.config(), recording, findings, notes);
    }

    private List<ParsedStack> parseAll(List<String> names) {
        List<ParsedStack> parsed = new ArrayList<>();
        boolean failed = false;
        for (String name : names) {
            Path file = StackFiles.resolve(projectDir, name);
            String stack = StackFiles.stackName(file);
            try {
                parsed.add(new ParsedStack(stack, file, parse(file)));
            } catch (InvalidConfigException e) {
                failed = true;
                err.println("stack " + stack + " (" + file + "): " + e.problems().size() + " configuration problem"
                        + (e.problems().size() == 1 ? "" : "s"));
                e.problems().forEach(problem -> err.println("  " + problem));
            }
        }
        return failed ? null : parsed;
    }

    private static StackConfig parse(Path file) {
        Map<String, Object> settings = ConfigSources.fromStackFile(file);
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        return new StackConfigParser(base, () -> Optional.of(DEFAULT_ACCOUNT)).parse(settings);
    }

    private static List<ParsedStack> toolingFirst(List<ParsedStack> stacks) {
        return stacks.stream().sorted(Comparator.comparing(s -> s.config().role() == StackRole.TOOLING ? 0 : 1)).toList();
    }

    /** The offline run of one stack's program in its fake cloud. */
    private Recording planned(String stack, StackConfig config, Map<String, Map<String, Object>> known,
                              List<String> notes) {
        return OfflineEngine.run(stack, cloudFor(config, known, notes), false, ctx -> Platform.define(ctx, config));
    }

    /**
     * The fake cloud of a stack, with the outputs of the tooling stack a hosting stack references: planned in this
     * run (or given by --stack-outputs), else planned from the project's stack file once, else placeholders.
     */
    private FakeCloud cloudFor(StackConfig config, Map<String, Map<String, Object>> known, List<String> notes) {
        FakeCloud.Account home = new FakeCloud.Account(config.accountId().orElse(DEFAULT_ACCOUNT), config.region());
        if (config.role() != StackRole.HOSTING) {
            return new FakeCloud(home, Map.of());
        }
        String reference = config.requireHosting().toolingStack();
        String shortName = StackFiles.shortName(reference);
        Map<String, Object> outputs = known.get(shortName);
        if (outputs == null) {
            Optional<Path> file = StackFiles.forReference(projectDir, reference);
            if (file.isPresent()) {
                outputs = planned(shortName, parse(file.get()), known, notes).referencedOutputs();
                known.put(shortName, outputs);
                notes.add("outputs of " + reference + " come from an offline plan of " + file.get().getFileName());
            } else {
                outputs = ToolingPlaceholders.outputs(config);
                notes.add("outputs of " + reference + " are placeholders (\"" + FakeCloud.PLACEHOLDER_PREFIX
                        + "...\"): pass --stack-outputs " + shortName + "=PLAN_JSON for real ones");
            }
        }
        return new FakeCloud(home, Map.of(shortName, outputs));
    }

    private PolicyPackConfig policyConfig(Optional<Path> file) {
        if (file.isEmpty()) {
            return PolicyPackConfig.defaults();
        }
        String text = CliFiles.read(file.get(), "--policy-config " + file.get());
        try {
            return PolicyPackConfig.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--policy-config " + file.get() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputsFromPlan(String stack, Path file) {
        String label = "--stack-outputs " + stack + "=" + file;
        String text = CliFiles.read(file, label);
        try {
            Map<String, Object> plan = new Gson().fromJson(text, Map.class);
            List<Map<String, Object>> stacks = (List<Map<String, Object>>) plan.get("stacks");
            String shortName = StackFiles.shortName(stack);
            return stacks.stream()
                    .filter(s -> shortName.equals(s.get("stack")))
                    .map(s -> (Map<String, Object>) s.get("outputs"))
                    .findFirst()
                    .orElseThrow(() -> new UsageException(label + ": the plan has no stack " + shortName));
        } catch (JsonParseException | ClassCastException | NullPointerException e) {
            throw new UsageException(label + ": expected a plan written by --json");
        }
    }

}
