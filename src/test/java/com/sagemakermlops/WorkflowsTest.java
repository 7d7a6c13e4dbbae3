package com.sagemakermlops;

import com.google.gson.Gson;
import com.sagemakermlops.cli.Mlops;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workflow schema (checks/workflows) cannot see: every action is pinned to a major version, the inputs given
 * to the actions recorded in workflows/action-inputs.json are ones their action.yml declares (and the required ones
 * are given), and the PR check plans the stacks the reality checks plan.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");

    private record Step(String workflow, String job, Map<String, Object> step) {
    }

    @SuppressWarnings("unchecked")
    private static List<Step> steps(Path workflow, String text) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        List<Step> steps = new ArrayList<>();
        ((Map<String, Object>) document.get("jobs")).forEach((job, body) -> {
            for (Object step : (List<Object>) ((Map<String, Object>) body).get("steps")) {
                steps.add(new Step(workflow.getFileName().toString(), job, (Map<String, Object>) step));
            }
        });
        return steps;
    }

    private static List<Step> allSteps() throws IOException {
        List<Step> steps = new ArrayList<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                steps.addAll(steps(file, Files.readString(file)));
            }
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> recordedActions() throws IOException {
        try (var in = new InputStreamReader(Objects.requireNonNull(
                WorkflowsTest.class.getResourceAsStream("/workflows/action-inputs.json")), StandardCharsets.UTF_8)) {
            return (Map<String, Map<String, Object>>) new Gson().fromJson(in, Map.class).get("actions");
        }
    }

    /** What is wrong with the {@code with:} of the steps that use a recorded action. */
    @SuppressWarnings("unchecked")
    static List<String> inputProblems(List<Step> steps, Map<String, Map<String, Object>> recorded) {
        List<String> problems = new ArrayList<>();
        for (Step s : steps) {
            Object uses = s.step().get("uses");
            if (uses == null) {
                continue;
            }
            String where = s.workflow() + " " + s.job() + " " + uses;
            if (!String.valueOf(uses).matches("[\\w.-]+/[\\w./-]+@v\\d+")) {
                problems.add(where + ": not pinned to a major version tag");
            }
            Map<String, Object> action = recorded.get(String.valueOf(uses));
            if (action == null) {
                continue;
            }
            Map<String, Object> with = (Map<String, Object>) s.step().getOrDefault("with", Map.of());
            List<String> declared = (List<String>) action.get("inputs");
            with.keySet().stream().filter(input -> !declared.contains(input))
                    .forEach(input -> problems.add(where + ": no input " + input + " (" + action.get("source") + ")"));
            ((List<String>) action.get("required")).stream().filter(input -> !with.containsKey(input))
                    .forEach(input -> problems.add(where + ": required input " + input + " missing"));
        }
        return problems;
    }

    @Test
    void actionsArePinnedAndGetOnlyTheInputsTheyDeclare() throws IOException {
        List<Step> steps = allSteps();
        assertThat(steps).extracting(s -> String.valueOf(s.step().get("uses"))).contains("pulumi/actions@v7",
                "aws-actions/configure-aws-credentials@v6", "github/codeql-action/upload-sarif@v4");

        assertThat(inputProblems(steps, recordedActions())).isEmpty();
    }

    @Test
    void aMisspeltOrMissingInputIsFound() throws IOException {
        String workflow = """
                jobs:
                  preview:
                    steps:
                      - uses: pulumi/actions@v7
                        with: {command: preview, policy-packs: policy}
                      - uses: aws-actions/configure-aws-credentials@v6
                        with: {role-to-assume: arn}
                      - uses: actions/checkout@main
                """;

        assertThat(inputProblems(steps(Path.of("planted.yml"), workflow), recordedActions())).containsExactly(
                "planted.yml preview pulumi/actions@v7: no input policy-packs ("
                        + recordedActions().get("pulumi/actions@v7").get("source") + ")",
                "planted.yml preview aws-actions/configure-aws-credentials@v6: required input aws-region missing",
                "planted.yml preview actions/checkout@main: not pinned to a major version tag");
    }

    @Test
    void thePrCheckPlansTheStacksTheRealityChecksPlan() throws IOException {
        String shipped = Files.readString(Path.of("checks/shipped-plans"));
        String stacks = shipped.lines().filter(l -> l.startsWith("stacks=(")).findFirst().orElseThrow()
                .replaceAll("^stacks=\\((.*)\\)$", "$1");
        List<String> plans = allSteps().stream().map(s -> String.valueOf(s.step().get("run")))
                .filter(run -> run.contains("./mlops plan") && run.contains("--json")).toList();

        assertThat(plans).hasSize(2).allSatisfy(run -> assertThat(run.replace("\\\n", " ").replaceAll(" +", " "))
                .contains("./mlops plan " + stacks));
    }

    /**
     * The {@code ./mlops} command lines of a run script, as the shell would pass them: continued lines joined, arrays
     * defined in the script expanded, quotes removed, up to a redirection.
     */
    static List<List<String>> mlopsCommands(String script) {
        String joined = script.replace("\\\n", " ");
        Map<String, String> arrays = new java.util.HashMap<>();
        java.util.regex.Matcher definition = java.util.regex.Pattern.compile("(\\w+)=\\((.*)\\)").matcher(joined);
        while (definition.find()) {
            arrays.merge(definition.group(1), definition.group(2), (a, b) -> a + " " + b);
        }
        List<List<String>> commands = new ArrayList<>();
        for (String line : joined.lines().toList()) {
            java.util.regex.Matcher call = java.util.regex.Pattern.compile("(^|\\s)\\./mlops (.*)").matcher(line);
            if (!call.find()) {
                continue;
            }
            String command = call.group(2).split("[>;]| then")[0];
            for (Map.Entry<String, String> array : arrays.entrySet()) {
                command = command.replace("\"${" + array.getKey() + "[@]}\"", array.getValue());
            }
            commands.add(Stream.of(command.trim().split("\\s+")).map(t -> t.replace("\"", "")).toList());
        }
        return commands;
    }

    @Test
    void everyMlopsCommandTheWorkflowsRunIsOneTheCommandLineTakes() throws IOException {
        List<List<String>> commands = allSteps().stream().map(s -> String.valueOf(s.step().get("run")))
                .flatMap(run -> mlopsCommands(run).stream())
                .filter(command -> !command.isEmpty() && command.get(0).equals("plan")).toList();
        assertThat(commands).hasSize(2).anySatisfy(c -> assertThat(c).contains("--against", "--sarif", "--json"));

        assertThat(commands).allSatisfy(command -> assertThat(Mlops.parses(command.toArray(String[]::new)))
                .as(String.join(" ", command)).isTrue());
        assertThat(Mlops.parses("plan", "dev", "--sarfi", "x")).isFalse();
        assertThat(Mlops.parses("plan", "dev", "--json")).isFalse();
    }
}
