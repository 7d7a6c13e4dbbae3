package com.sagemakermlops.cli;

import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.components.hosting.ToolingOutputNames;
import com.sagemakermlops.config.Checks;
import com.sagemakermlops.config.ConfigProblem;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.config.TargetEnvironment;

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
    private static final List<String> REQUIRED_STRINGS = List.of(ToolingOutputNames.PRODUCT_NAME,
            ToolingOutputNames.REGION, ToolingOutputNames.KMS_KEY_ARN, ToolingOutputNames.MODEL_BUCKET_NAME);
    private static final List<String> OPTIONAL_STRINGS = List.of(ToolingOutputNames.PARTITION,
            ToolingOutputNames.TOOLING_ACCOUNT_ID, ToolingOutputNames.MODEL_BUCKET_ARN,
            ToolingOutputNames.MODEL_PACKAGE_GROUP_NAME, ToolingOutputNames.MODEL_PACKAGE_GROUP_ARN);
    private static final List<String> STAGE_STRINGS = List.of(StageEnvironment.ACCOUNT_ID, StageEnvironment.REGION,
            StageEnvironment.DEPLOY_ROLE_ARN, StageEnvironment.EXECUTION_ROLE_ARN, StageEnvironment.EXTERNAL_ID);

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
     * be there with the types it reads ({@code environments.<stage>.accountId} twelve digits...).
     */
    static Exports exports(Map<?, ?> outputs, String source, String partition, List<String> problems) {
        for (String name : REQUIRED_STRINGS) {
            string(outputs, name, name, true, problems);
        }
        for (String name : OPTIONAL_STRINGS) {
            string(outputs, name, name, false, problems);
        }
        Map<TargetEnvironment.Stage, String> regions = new LinkedHashMap<>();
        Object environments = outputs.get(ToolingOutputNames.ENVIRONMENTS);
        if (!(environments instanceof Map<?, ?> byStage)) {
            problems.add(ToolingOutputNames.ENVIRONMENTS + ": expected an object of stages, got " + kind(environments));
            return new Exports(regions, source);
        }
        for (TargetEnvironment.Stage stage : TargetEnvironment.Stage.values()) {
            Object entry = byStage.get(stage.id());
            String at = ToolingOutputNames.ENVIRONMENTS + "." + stage.id();
            if (entry == null) {
                continue;
            }
            if (!(entry instanceof Map<?, ?> values)) {
                problems.add(at + ": expected an object, got " + kind(entry));
                continue;
            }
            int before = problems.size();
            for (String key : STAGE_STRINGS) {
                string(values, key, at + "." + key, true, problems);
            }
            shaped(values, StageEnvironment.ACCOUNT_ID, at, Checks.ACCOUNT, problems);
            shaped(values, StageEnvironment.REGION, at, Checks.AWS_REGION, problems);
            shaped(values, StageEnvironment.DEPLOY_ROLE_ARN, at, Checks.arn(partition, "iam", "role/"), problems);
            shaped(values, StageEnvironment.EXECUTION_ROLE_ARN, at, Checks.arn(partition, "iam", "role/"), problems);
            string(values, StageEnvironment.VPC_ID, at + "." + StageEnvironment.VPC_ID, false, problems);
            for (String key : List.of(StageEnvironment.SUBNET_IDS, StageEnvironment.SECURITY_GROUP_IDS)) {
                Object list = values.get(key);
                if (list != null && !(list instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
                    problems.add(at + "." + key + ": expected a list of strings, got " + kind(list));
                }
            }
            for (String key : List.of(StageEnvironment.ENABLE_NETWORK_ISOLATION, StageEnvironment.ENABLE_DATA_CAPTURE)) {
                Object flag = values.get(key);
                if (flag != null && !(flag instanceof Boolean)) {
                    problems.add(at + "." + key + ": expected true or false, got " + kind(flag));
                }
            }
            if (problems.size() == before) {
                regions.put(stage, (String) values.get(StageEnvironment.REGION));
            }
        }
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
                    .map(TargetEnvironment.Stage::id).toList())) + "), got \"" + stage.id() + "\": configure deploy."
                    + (stage == TargetEnvironment.Stage.PREPROD ? "preProdEnvironment" : "prodEnvironment") + " in "
                    + exports.source() + " and update it first"));
        } else if (!region.equals(hosting.region())) {
            problems.add(ConfigProblem.at("aws:region", "expected " + region + ", the region of stage " + stage.id()
                    + " in " + exports.source() + ", got \"" + hosting.region() + "\""));
        }
        return problems;
    }

    private static void string(Map<?, ?> values, String key, String at, boolean required, List<String> problems) {
        Object value = values.get(key);
        if (value == null ? required : !(value instanceof String s) || s.isEmpty()) {
            problems.add(at + ": expected a non-empty string, got " + kind(value));
        }
    }

    private static void shaped(Map<?, ?> values, String key, String at, Checks.Check check, List<String> problems) {
        if (values.get(key) instanceof String s && !s.isEmpty()) {
            check.expectation(s).ifPresent(expected -> problems.add(at + "." + key + ": expected " + expected
                    + ", got \"" + shown(s) + "\""));
        }
    }

    private static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "\"" + shown(s) + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return "the number " + d.longValue();
        }
        return value instanceof Boolean ? String.valueOf(value) : "the number " + value;
    }

    private static String shown(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
