package com.sagemakermlops.cli;

import com.sagemakermlops.config.Checks;
import com.sagemakermlops.config.ConfigProblem;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.contract.ToolingExports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a hosting stack's {@code hosting.toolingStack} leads to, checked before anything is planned: not the stack
 * itself, not a hosting stack (so no chain of references can loop), a tooling stack that exports the hosting stack's
 * stage, in the region the hosting stack runs in, with outputs of the types the hosting program reads.
 */
final class ToolingReference {
    private static final String PROJECT = "sagemaker-mlops";
    private ToolingReference() {
    }

    /** The stage regions a tooling stack exports, and where that was read ("Pulumi.dev.yaml"). */
    record Exports(Map<TargetEnvironment.Stage, String> regions, String source) {
    }

    /** The short name of a reference: {@code organization/sagemaker-mlops/dev} and {@code dev} are {@code dev}. */
    static String shortName(String reference) {
        return StackFiles.shortName(reference);
    }

    /** A reference to the stack itself: same name, and this project when the reference names one. */
    static Optional<ConfigProblem> selfReference(String stack, StackConfig hosting) {
        String reference = hosting.requireHosting().toolingStack();
        String[] parts = reference.split("/");
        boolean sameProject = parts.length < 2 || parts[parts.length - 2].equals(PROJECT);
        if (sameProject && shortName(reference).equals(stack)) {
            return Optional.of(ConfigProblem.ofKey("hosting.toolingStack", "expected the tooling stack this hosting "
                    + "stack reads, got \"" + reference + "\", which is this stack itself"));
        }
        return Optional.empty();
    }

    /** A reference to a stack that is not a tooling stack: a hosting stack reads no other hosting stack. */
    static Optional<ConfigProblem> notTooling(String reference, StackConfig referenced, String source) {
        if (referenced.role() == StackRole.TOOLING) {
            return Optional.empty();
        }
        return Optional.of(ConfigProblem.ofKey("hosting.toolingStack", "expected a tooling stack, got \"" + reference
                + "\", a " + referenced.role().name().toLowerCase() + " stack (" + source + ")"));
    }

    /** The stages a tooling stack's configuration exports, as the tooling program builds them. */
    static Exports exports(StackConfig tooling, String source) {
        Map<TargetEnvironment.Stage, String> regions = new LinkedHashMap<>();
        tooling.requireDeploy().orSingleAccount(tooling.requireAccountId(), tooling.region()).environments()
                .forEach(e -> regions.put(e.stage(), e.region()));
        return new Exports(regions, source);
    }

    /**
     * The stages given outputs export, or every problem with their shape: the outputs a hosting program reads must
     * be there with the types it reads ({@link ToolingExports#problems}), and the stage entries' ids and ARNs in the
     * shapes AWS gives them ({@code environments.<stage>.accountId} twelve digits...).
     */
    static Exports exports(Map<?, ?> outputs, String source, String partition, List<String> problems) {
        Map<TargetEnvironment.Stage, String> regions = new LinkedHashMap<>();
        List<String> types = ToolingExports.problems(outputs);
        problems.addAll(types);
        if (!types.isEmpty()) {
            return new Exports(regions, source);
        }
        ToolingExports.environmentsOf(outputs).forEach((stage, entry) -> {
            String at = "environments." + stage.id() + ".";
            int before = problems.size();
            shaped(entry.accountId(), at + "accountId", Checks.ACCOUNT, problems);
            shaped(entry.region(), at + "region", Checks.AWS_REGION, problems);
            shaped(entry.roles().deployRoleArn(), at + "deployRoleArn", Checks.arn(partition, "iam", "role/"),
                    problems);
            shaped(entry.roles().executionRoleArn(), at + "executionRoleArn", Checks.arn(partition, "iam", "role/"),
                    problems);
            if (problems.size() == before) {
                regions.put(stage, entry.region());
            }
        });
        return new Exports(regions, source);
    }

    /** The hosting stack's stage among those exported, in the hosting stack's region. */
    static List<ConfigProblem> stageProblems(StackConfig hosting, Exports exports) {
        List<ConfigProblem> problems = new ArrayList<>();
        TargetEnvironment.Stage stage = hosting.requireHosting().stage();
        String region = exports.regions().get(stage);
        if (region == null) {
            problems.add(ConfigProblem.ofKey("hosting.stage", "expected a stage the tooling stack exports ("
                    + (exports.regions().isEmpty() ? "none" : String.join(", ", exports.regions().keySet().stream()
                    .map(TargetEnvironment.Stage::id).toList())) + "), got \"" + stage.id() + "\": configure "
                    + stage.configKey() + " in " + exports.source() + " and update it first"));
        } else if (!region.equals(hosting.region())) {
            problems.add(ConfigProblem.at("aws:region", "expected " + region + ", the region of stage " + stage.id()
                    + " in " + exports.source() + ", got \"" + hosting.region() + "\""));
        }
        return problems;
    }

    private static void shaped(String value, String at, Checks.Check check, List<String> problems) {
        check.expectation(value).ifPresent(expected -> problems.add(at + ": expected " + expected
                + ", got \"" + (value.length() <= 120 ? value : value.substring(0, 120) + "...") + "\""));
    }
}
