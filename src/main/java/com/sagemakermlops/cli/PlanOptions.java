package com.sagemakermlops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The arguments of {@code mlops plan}. */
@Command(name = "plan",
        synopsisHeading = "usage: ",
        customSynopsis = {"mlops plan [STACK|CONFIG_FILE]... [--json FILE] [--graph FILE] [--policy-config FILE]",
                "           [--stack-outputs STACK=PLAN_JSON] [--sarif FILE] [--against PLAN_JSON]"},
        descriptionHeading = "%n",
        description = {"Runs each stack's program offline against the mock engine with realistic fake outputs, "
                + "evaluates the policy pack, and prints the resource tree, the policy findings and a summary.", ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = Mlops.Version.class,
        footer = {"", "Exit codes: 0 no mandatory policy finding, 1 mandatory findings, 2 bad configuration or usage."})
final class PlanOptions implements Callable<Integer> {
    static final String SYNOPSIS = "mlops plan [STACK|CONFIG_FILE]... [--json FILE] [--graph FILE] "
            + "[--policy-config FILE] [--stack-outputs STACK=PLAN_JSON] [--sarif FILE] [--against PLAN_JSON]";

    @ParentCommand
    private Mlops mlops;

    @Parameters(paramLabel = "STACK|CONFIG_FILE", arity = "1..*",
            description = "A stack (dev means Pulumi.dev.yaml in the project) or a stack config file.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write every resource, the outputs and the policy findings as JSON.")
    private Path json;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "Write a Mermaid diagram with the cross-stack and cross-account edges.")
    private Path graph;

    @Option(names = "--policy-config", paramLabel = "FILE",
            description = "Policy pack configuration in the format of pulumi --policy-pack-config.")
    private Path policyConfig;

    @Option(names = "--stack-outputs", paramLabel = "STACK=PLAN_JSON",
            description = "Outputs of a referenced tooling stack, from a plan written by --json (repeatable).")
    private List<String> stackOutputs = new ArrayList<>();

    @Option(names = "--sarif", paramLabel = "FILE",
            description = "Write the policy findings as SARIF 2.1.0 (for code scanning).")
    private Path sarif;

    @Option(names = "--against", paramLabel = "PLAN_JSON",
            description = "Print what each stack adds, updates, replaces and deletes against the same stack of an earlier "
                    + "--json plan, and the replacements that cannot work.")
    private Path against;

    List<String> stacks() {
        return List.copyOf(stacks);
    }

    Optional<Path> json() {
        return Optional.ofNullable(json);
    }

    Optional<Path> graph() {
        return Optional.ofNullable(graph);
    }

    Optional<Path> policyConfig() {
        return Optional.ofNullable(policyConfig);
    }

    /** {@code --stack-outputs} by stack, in the order given. */
    Map<String, Path> stackOutputs() {
        Map<String, Path> byStack = new LinkedHashMap<>();
        OptionPairs.parse(stackOutputs, "--stack-outputs STACK=PLAN_JSON", true, SYNOPSIS)
                .forEach((stack, file) -> byStack.put(stack, Path.of(file)));
        return byStack;
    }

    Optional<Path> sarif() {
        return Optional.ofNullable(sarif);
    }

    Optional<Path> against() {
        return Optional.ofNullable(against);
    }

    @Override
    public Integer call() {
        return new PlanCommand(mlops.projectDir, mlops.out, mlops.err).run(this);
    }
}
