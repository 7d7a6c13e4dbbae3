package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.sagemakermlops.config.ConfigProblem;
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
import com.sagemakermlops.policy.StrictJson;
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
        Map<String, String> given = new LinkedHashMap<>();
        options.stackOutputs().forEach((stack, file) -> {
            knownOutputs.put(StackFiles.shortName(stack), outputsFromPlan(stack, file));
            given.put(StackFiles.shortName(stack), "--stack-outputs " + stack + "=" + file);
        });
        Map<String, ParsedStack> referencedFiles = checkReferences(stacks, knownOutputs, given);
        if (referencedFiles == null) {
            return 2;
        }

        try (PlanResults results = new PlanResults(options, projectDir);
             SideBySide<StackPlan> runs = new SideBySide<>(SIDE_BY_SIDE)) {
            List<ParsedStack> order = toolingFirst(stacks);
            for (int next = 0; next < order.size() || !runs.isEmpty(); ) {
                if (next < order.size() && !runs.full() && !mustWait(order.get(next), knownOutputs, runs)) {
                    ParsedStack parsed = order.get(next++);
                    List<String> notes = new ArrayList<>();
                    FakeCloud cloud = cloudFor(parsed.config(), knownOutputs, referencedFiles, notes);
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

    /**
     * The stack files read and checked, side by side; their problems are reported, and a failure to read one is
     * raised, in the order the stacks were given, as if they were read one after the other.
     */
    private List<ParsedStack> parseAll(List<String> names) {
        List<Parsing> parsings = names.parallelStream().map(this::parsing).toList();
        List<ParsedStack> parsed = new ArrayList<>();
        boolean failed = false;
        for (Parsing parsing : parsings) {
            if (parsing.failure() instanceof InvalidConfigException e) {
                failed = true;
                report(parsing.stack(), parsing.file(), e.problems());
            } else if (parsing.failure() != null) {
                throw parsing.failure();
            } else {
                parsed.add(new ParsedStack(parsing.stack(), parsing.file(), parsing.config()));
            }
        }
        return failed ? null : parsed;
    }

    /** One stack file read and checked, or what reading it raised. */
    private record Parsing(String stack, Path file, StackConfig config, RuntimeException failure) {
    }

    private Parsing parsing(String name) {
        Path file = null;
        String stack = null;
        try {
            file = StackFiles.resolve(projectDir, name);
            stack = StackFiles.stackName(file);
            return new Parsing(stack, file, parse(file), null);
        } catch (RuntimeException e) {
            return new Parsing(stack, file, null, e);
        }
    }

    private void report(String stack, Path file, List<ConfigProblem> problems) {
        err.println("stack " + stack + " (" + file + "): " + problems.size() + " configuration problem"
                + (problems.size() == 1 ? "" : "s"));
        problems.forEach(problem -> err.println("  " + problem));
    }

    /**
     * Checks what each hosting stack's {@code hosting.toolingStack} leads to (see {@link ToolingReference}) before
     * anything is planned; reports every problem and returns null when there is one, else the tooling stack files
     * of the project that are read for references (by short name).
     */
    private Map<String, ParsedStack> checkReferences(List<ParsedStack> stacks, Map<String, Map<String, Object>> outputs,
                                                     Map<String, String> given) {
        Map<String, ParsedStack> inRun = new LinkedHashMap<>();
        stacks.forEach(s -> inRun.put(s.stack(), s));
        Map<String, ParsedStack> files = new LinkedHashMap<>();
        boolean failed = false;
        for (ParsedStack parsed : stacks) {
            if (parsed.config().role() != StackRole.HOSTING) {
                continue;
            }
            List<ConfigProblem> problems = referenceProblems(parsed, inRun, outputs, given, files);
            if (!problems.isEmpty()) {
                failed = true;
                report(parsed.stack(), parsed.file(), problems);
            }
        }
        return failed ? null : files;
    }

    private List<ConfigProblem> referenceProblems(ParsedStack hosting, Map<String, ParsedStack> inRun,
                                                  Map<String, Map<String, Object>> outputs, Map<String, String> given,
                                                  Map<String, ParsedStack> files) {
        Optional<ConfigProblem> self = ToolingReference.selfReference(hosting.stack(), hosting.config());
        if (self.isPresent()) {
            return List.of(self.get());
        }
        String reference = hosting.config().requireHosting().toolingStack();
        String shortName = StackFiles.shortName(reference);
        List<ConfigProblem> problems = new ArrayList<>();
        if (given.containsKey(shortName)) {
            List<String> shape = new ArrayList<>();
            var exports = ToolingReference.exports(outputs.get(shortName), given.get(shortName),
                    hosting.config().partition(), shape);
            shape.forEach(message -> problems.add(ConfigProblem.at(given.get(shortName), "outputs." + message)));
            if (shape.isEmpty()) {
                problems.addAll(ToolingReference.stageProblems(hosting.config(), exports));
            }
            return problems;
        }
        ParsedStack tooling = inRun.get(shortName);
        if (tooling == null) {
            Optional<Path> file = StackFiles.forReference(projectDir, reference);
            if (file.isEmpty()) {
                return problems; // placeholders, named in the plan's notes
            }
            String source = String.valueOf(file.get().getFileName());
            try {
                tooling = new ParsedStack(shortName, file.get(), parse(file.get()));
            } catch (InvalidConfigException e) {
                String where = source + " (the tooling stack hosting.toolingStack names)";
                e.problems().forEach(p -> problems.add(ConfigProblem.at(where, p.toString())));
                return problems;
            }
            files.put(shortName, tooling);
        }
        String source = String.valueOf(tooling.file().getFileName());
        ToolingReference.notTooling(reference, tooling.config(), source).ifPresent(problems::add);
        if (problems.isEmpty()) {
            problems.addAll(ToolingReference.stageProblems(hosting.config(),
                    ToolingReference.exports(tooling.config(), source)));
        }
        return problems;
    }

    private static StackConfig parse(Path file) {
        Map<String, Object> settings = ConfigSources.fromStackFile(file);
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        StackConfig config = new StackConfigParser(base, () -> Optional.of(DEFAULT_ACCOUNT)).parse(settings);
        Platform.validate(config);
        return config;
    }

    private static List<ParsedStack> toolingFirst(List<ParsedStack> stacks) {
        return stacks.stream().sorted(Comparator.comparing(s -> s.config().role() == StackRole.TOOLING ? 0 : 1)).toList();
    }

    /** The offline run of one stack's program in its fake cloud. */
    private Recording planned(String stack, StackConfig config, Map<String, Map<String, Object>> known,
                              Map<String, ParsedStack> files, List<String> notes) {
        return OfflineEngine.run(stack, cloudFor(config, known, files, notes), false,
                ctx -> Platform.define(ctx, config));
    }

    /**
     * The fake cloud of a stack, with the outputs of the tooling stack a hosting stack references: planned in this
     * run (or given by --stack-outputs), else planned from the project's stack file once, else placeholders.
     */
    private FakeCloud cloudFor(StackConfig config, Map<String, Map<String, Object>> known,
                               Map<String, ParsedStack> files, List<String> notes) {
        FakeCloud.Account home = new FakeCloud.Account(config.accountId().orElse(DEFAULT_ACCOUNT), config.region());
        if (config.role() != StackRole.HOSTING) {
            return new FakeCloud(home, Map.of());
        }
        String reference = config.requireHosting().toolingStack();
        String shortName = StackFiles.shortName(reference);
        Map<String, Object> outputs = known.get(shortName);
        if (outputs == null) {
            ParsedStack file = files.get(shortName);
            if (file != null) {
                outputs = planned(shortName, file.config(), known, files, notes).referencedOutputs();
                known.put(shortName, outputs);
                notes.add("outputs of " + reference + " come from an offline plan of Pulumi." + shortName + ".yaml");
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
        String label = "--policy-config " + file.get();
        String text = CliFiles.read(file.get(), label, CliFiles.POLICY_CONFIG_BYTES);
        try {
            return PolicyPackConfig.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(label + ": " + e.getMessage());
        }
    }

    /** The outputs of {@code stack} in a plan written by {@code --json}, numbers as doubles (as the engine gives). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputsFromPlan(String stack, Path file) {
        String label = "--stack-outputs " + stack + "=" + file;
        JsonElement plan;
        try {
            plan = StrictJson.parse(CliFiles.read(file, label, CliFiles.PLAN_BYTES));
        } catch (IllegalArgumentException e) {
            throw new UsageException(label + ": is not valid JSON: " + e.getMessage());
        }
        String shortName = StackFiles.shortName(stack);
        JsonElement stacks = plan.isJsonObject() ? plan.getAsJsonObject().get("stacks") : null;
        if (stacks == null || !stacks.isJsonArray()) {
            throw new UsageException(label + ": expected a plan written by --json (an object with a stacks list)");
        }
        for (JsonElement entry : stacks.getAsJsonArray()) {
            if (entry.isJsonObject() && entry.getAsJsonObject().get("stack") instanceof JsonPrimitive name
                    && name.isString() && name.getAsString().equals(shortName)) {
                JsonElement outputs = entry.getAsJsonObject().get("outputs");
                if (outputs == null || !outputs.isJsonObject()) {
                    throw new UsageException(label + ": stack " + shortName + " has no outputs object");
                }
                return new Gson().fromJson(outputs, Map.class);
            }
        }
        throw new UsageException(label + ": the plan has no stack " + shortName);
    }

}
