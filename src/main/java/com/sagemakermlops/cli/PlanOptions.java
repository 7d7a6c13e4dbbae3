package com.sagemakermlops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of {@code mlops plan}. */
record PlanOptions(List<String> stacks, Optional<Path> json, Optional<Path> graph, Optional<Path> policyConfig,
                   Map<String, Path> stackOutputs, Optional<Path> against) {

    static final String USAGE = "usage: mlops plan [STACK|CONFIG_FILE]... [--json FILE] [--graph FILE] "
            + "[--policy-config FILE] [--stack-outputs STACK=PLAN_JSON] [--against PLAN_JSON]";

    static PlanOptions parse(List<String> args) {
        List<String> stacks = new ArrayList<>();
        Path json = null;
        Path graph = null;
        Path policyConfig = null;
        Path against = null;
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--graph" -> graph = Path.of(value(args, ++i, arg));
                case "--policy-config" -> policyConfig = Path.of(value(args, ++i, arg));
                case "--against" -> against = Path.of(value(args, ++i, arg));
                case "--stack-outputs" -> {
                    String pair = value(args, ++i, arg);
                    int equals = pair.indexOf('=');
                    if (equals <= 0 || equals == pair.length() - 1) {
                        throw new UsageException("--stack-outputs expects STACK=PLAN_JSON, got \"" + pair + "\"");
                    }
                    outputs.put(pair.substring(0, equals), Path.of(pair.substring(equals + 1)));
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + "\n" + USAGE);
                    }
                    stacks.add(arg);
                }
            }
        }
        if (stacks.isEmpty()) {
            throw new UsageException("name at least one stack (e.g. dev) or stack file\n" + USAGE);
        }
        return new PlanOptions(stacks, Optional.ofNullable(json), Optional.ofNullable(graph),
                Optional.ofNullable(policyConfig), outputs, Optional.ofNullable(against));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " expects a value\n" + USAGE);
        }
        return args.get(index);
    }
}
