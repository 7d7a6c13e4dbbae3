package com.sagemakermlops.stacks;

import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.plan.PlanDiff;
import com.sagemakermlops.plan.PlannedResource;
import com.sagemakermlops.plan.ReplaceForcing;
import com.sagemakermlops.plan.ReplacementHazard;
import com.sagemakermlops.plan.ResourceChange;
import com.sagemakermlops.stacks.ShippedStacks.StackFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second deploy: every shipped stack planned, then planned again with each setting a user may change, and the
 * two plans compared as the engine would (the replace-forcing table, the providers' delete-first answers, the
 * dependents a delete-first replacement takes with it). No change may replace a resource under the name it keeps,
 * and every type the stacks create must be in the table. A tooling change is followed into the hosting stacks that
 * read the tooling stack's outputs.
 */
class SecondDeployTest {
    private static final ReplaceForcing TABLE = ReplaceForcing.standard();
    private static final PlanDiff DIFF = new PlanDiff(TABLE);
    private static final String HOSTING = "sagemaker-mlops:hosting";
    private static final String DEPLOY = "sagemaker-mlops:deploy";
    private static final String TRAINING = "sagemaker-mlops:training";
    private static final String SECURITY = "sagemaker-mlops:security";
    private static final String CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    private static final String MODEL = "aws:sagemaker/model:Model";
    private static final String ENDPOINT = "aws:sagemaker/endpoint:Endpoint";
    private static final String TARGET = "aws:appautoscaling/target:Target";
    private static final String SCALING_POLICY = "aws:appautoscaling/policy:Policy";
    private static final Path SEED_CODE = Path.of("seed-code").toAbsolutePath();

    private static List<StackFile> stacks;
    private static final Map<String, Recording> BASELINE = new LinkedHashMap<>();

    /** A setting a user may change, where it applies, and the change. */
    record Setting(String name, Predicate<StackFile> applies, Consumer<Map<String, Object>> change) {
    }

    @BeforeAll
    static void planTheShippedStacks() {
        stacks = ShippedStacks.all();
        stacks.stream().filter(s -> !s.hosting()).forEach(s -> BASELINE.put(s.stack(), ShippedStacks.plan(s, Map.of())));
        stacks.stream().filter(StackFile::hosting)
                .forEach(s -> BASELINE.put(s.stack(), ShippedStacks.plan(s, BASELINE.get("dev").outputs())));
    }

    static List<Setting> toolingSettings() {
        return List.of(
                new Setting("deploy.enableDataCapture", s -> true, flip(DEPLOY, "enableDataCapture", true)),
                new Setting("deploy.enableNetworkIsolation", s -> true, flip(DEPLOY, "enableNetworkIsolation", true)),
                new Setting("training.enableNetworkIsolation", s -> true, flip(TRAINING, "enableNetworkIsolation", true)),
                new Setting("training.enableInterContainerEncryption", s -> true,
                        flip(TRAINING, "enableInterContainerEncryption", true)),
                new Setting("deploy.enableManualApproval", s -> true, flip(DEPLOY, "enableManualApproval", true)),
                new Setting("deploy.enableEventBridgeTrigger", s -> true,
                        flip(DEPLOY, "enableEventBridgeTrigger", true)),
                new Setting("deploy.preProdEnvironment VPC", s -> has(s, DEPLOY, "preProdEnvironment"),
                        settings -> vpc(block(settings, DEPLOY, "preProdEnvironment"), "0e")),
                new Setting("deploy.prodEnvironment VPC", s -> has(s, DEPLOY, "prodEnvironment"),
                        settings -> vpc(block(settings, DEPLOY, "prodEnvironment"), "0f")),
                new Setting("training.devEnvironment VPC", s -> true,
                        settings -> vpc(block(settings, TRAINING, "devEnvironment"), "0d")),
                new Setting("deploy.devEnvironment VPC", s -> true,
                        settings -> vpc(block(settings, DEPLOY, "devEnvironment"), "0c")),
                new Setting("sourceControl codecommit or s3", s -> !"codestar".equals(sourceControl(s)), settings -> {
                    settings.put("sagemaker-mlops:sourceControl",
                            "s3".equals(settings.get("sagemaker-mlops:sourceControl")) ? "codecommit" : "s3");
                    seedCode(settings);
                }),
                new Setting("sourceControl codestar", s -> !"codestar".equals(sourceControl(s)), settings -> {
                    settings.put("sagemaker-mlops:sourceControl", "codestar");
                    settings.put("sagemaker-mlops:codeStarConnection", new LinkedHashMap<>(Map.of(
                            "connectionArn", "arn:aws:codeconnections:us-west-2:111122223333:connection/"
                                    + "aaaabbbb-cccc-dddd-eeee-ffff00001111",
                            "owner", "globalbank", "repo", "fraud-detection-ml")));
                }),
                new Setting("sourceControl from codestar", s -> "codestar".equals(sourceControl(s)), settings -> {
                    settings.put("sagemaker-mlops:sourceControl", "codecommit");
                    settings.remove("sagemaker-mlops:codeStarConnection");
                    seedCode(settings);
                }),
                new Setting("tier starter to professional", s -> "starter".equals(s.settings().get("sagemaker-mlops:tier")),
                        settings -> settings.put("sagemaker-mlops:tier", "professional")),
                new Setting("security.logRetentionDays", s -> has(s, SECURITY),
                        settings -> block(settings, SECURITY).put("logRetentionDays", 731)),
                new Setting("security.alertEndpoint", s -> has(s, SECURITY),
                        settings -> block(settings, SECURITY).put("alertEndpoint", "ml-oncall@globalbank.example.com")),
                new Setting("security.alertProtocol", s -> has(s, SECURITY), settings -> {
                    block(settings, SECURITY).put("alertProtocol", "https");
                    block(settings, SECURITY).put("alertEndpoint", "https://alerts.globalbank.example.com/ml");
                }));
    }

    /** A count as the stack file writes it (stack files keep numbers as written). */
    private static int count(Object value) {
        return Integer.parseInt(String.valueOf(value));
    }

    static List<Setting> hostingSettings() {
        return List.of(
                new Setting("hosting.instanceType", s -> true, settings -> block(settings, HOSTING).put("instanceType",
                        "ml.m5.xlarge".equals(block(settings, HOSTING).get("instanceType")) ? "ml.c5.2xlarge"
                                : "ml.m5.xlarge")),
                new Setting("hosting.initialInstanceCount", s -> true, settings -> {
                    Map<String, Object> hosting = block(settings, HOSTING);
                    int count = count(hosting.get("initialInstanceCount")) + 1;
                    hosting.put("initialInstanceCount", count);
                    block(settings, HOSTING, "autoscaling").put("maxCapacity", Math.max(count,
                            count(block(settings, HOSTING, "autoscaling").get("maxCapacity"))));
                }),
                new Setting("hosting.currentInstanceCount", s -> true, settings -> block(settings, HOSTING)
                        .put("currentInstanceCount", count(block(settings, HOSTING, "autoscaling")
                                .get("maxCapacity")))),
                new Setting("hosting.autoscaling.maxCapacity", s -> true, settings -> block(settings, HOSTING,
                        "autoscaling").merge("maxCapacity", 2, (a, b) -> count(a) + 2)),
                new Setting("hosting.autoscaling.minCapacity", s -> true, settings -> block(settings, HOSTING,
                        "autoscaling").put("minCapacity", 1)),
                new Setting("hosting.autoscaling.targetInvocationsPerInstance", s -> true, settings -> block(settings,
                        HOSTING, "autoscaling").put("targetInvocationsPerInstance", 750)),
                new Setting("hosting.deployment canary", s -> true, settings -> block(settings, HOSTING)
                        .put("deployment", new LinkedHashMap<>(Map.of("strategy", "canary", "trafficPercent", 20,
                                "waitMinutes", 8)))),
                new Setting("hosting.deployment linear", s -> true, settings -> block(settings, HOSTING)
                        .put("deployment", new LinkedHashMap<>(Map.of("strategy", "linear", "trafficPercent", 50,
                                "waitMinutes", 5)))),
                new Setting("hosting.deployment all-at-once", s -> true, settings -> block(settings, HOSTING)
                        .put("deployment", new LinkedHashMap<>(Map.of("strategy", "all-at-once", "waitMinutes", 3)))),
                new Setting("hosting.modelPackageArn new version", s -> true, settings -> block(settings, HOSTING)
                        .put("modelPackageArn", String.valueOf(block(settings, HOSTING).get("modelPackageArn"))
                                .replaceFirst("/\\d+$", "/4"))),
                new Setting("hosting.modelPackageArn removed", s -> true,
                        settings -> block(settings, HOSTING).remove("modelPackageArn")),
                new Setting("hosting.servedEndpointConfigName after a rollback", s -> true, settings -> block(settings,
                        HOSTING).put("servedEndpointConfigName", "served-by-the-endpoint-after-a-rollback")));
    }

    @TestFactory
    Stream<DynamicTest> noSettingAUserMayChangeReplacesAResourceUnderTheNameItKeeps() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StackFile stack : stacks) {
            List<Setting> settings = stack.hosting() ? hostingSettings() : toolingSettings();
            for (Setting setting : settings) {
                if (setting.applies().test(stack)) {
                    tests.add(DynamicTest.dynamicTest(stack.stack() + ": " + setting.name(),
                            () -> assertNoHazards(secondDeploy(stack, setting))));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(stacks.size() * 5);
        return tests.stream();
    }

    @Test
    void everyTypeTheShippedStacksCreateIsInTheTable() {
        assertThat(BASELINE.values().stream().flatMap(r -> r.resources().stream())
                .map(PlannedResource::of).filter(r -> r.custom() && !r.isRead())
                .map(PlannedResource::type).distinct())
                .allSatisfy(type -> assertThat(TABLE.row(type)).as(type).isPresent());
    }

    @Test
    void anInstanceTypeChangeMovesTheEndpointToANewConfigurationWithAutoscalingDeregisteredAroundIt() {
        Map<String, List<ResourceChange>> changes = secondDeploy(stack("prod"), hostingSettings().get(0));
        List<ResourceChange> prod = changes.get("prod");

        assertThat(change(prod, CONFIG)).satisfies(config -> {
            assertThat(config.kind()).isEqualTo(ResourceChange.Kind.REPLACED);
            assertThat(config.replacingInputs()).contains("name", "productionVariants[0].instanceType");
            assertThat(config.deletesFirst()).isTrue();
            assertThat(config.retained()).as("a rollback returns to the old configuration").isTrue();
        });
        assertThat(change(prod, ENDPOINT).kind()).isEqualTo(ResourceChange.Kind.UPDATED);
        assertThat(change(prod, ENDPOINT).changedInputs()).containsExactly("endpointConfigName");
        assertThat(List.of(change(prod, TARGET), change(prod, SCALING_POLICY))).allSatisfy(scaling -> {
            assertThat(scaling.kind()).isEqualTo(ResourceChange.Kind.REPLACED);
            assertThat(scaling.deletesFirst()).as("deregistered before UpdateEndpoint, registered after").isTrue();
        });
        assertThat(prod).noneMatch(c -> c.type().equals(MODEL));
    }

    @Test
    void aConfigurationThatKeepsItsNameAcrossAnInstanceTypeChangeIsCaught() {
        // Planted: the configuration keeps its name across an instance-type change, as when it was named after the
        // model package alone. The endpoint then has nothing to update, and the new instance type never deploys.
        List<ResourceChange> prod = secondDeploy(stack("prod"), hostingSettings().get(0)).get("prod");
        PlannedResource before = change(prod, CONFIG).before().orElseThrow();
        PlannedResource renamed = change(prod, CONFIG).after().orElseThrow();
        java.util.Map<String, Object> inputs = new LinkedHashMap<>(renamed.inputs());
        inputs.put("name", before.inputs().get("name"));
        PlannedResource sameName = new PlannedResource(renamed.urn(), renamed.type(), renamed.name(), true,
                renamed.provider(), inputs, renamed.propertyDependencies(), renamed.options());
        List<PlannedResource> after = new ArrayList<>(planned(BASELINE.get("prod")).stream()
                .map(r -> r.urn().equals(sameName.urn()) ? sameName : r).toList());

        List<ResourceChange> changes = DIFF.between(planned(BASELINE.get("prod")), after);

        assertThat(ReplacementHazard.in(changes, after, TABLE)).singleElement().satisfies(hazard -> {
            assertThat(hazard.type()).isEqualTo(CONFIG);
            assertThat(hazard.message()).contains("kept in AWS (retainOnDelete)");
        });
    }

    @Test
    void aNewModelVersionGetsANewModelAndConfigurationAndKeepsTheOldOnesForARollback() {
        List<ResourceChange> prod = secondDeploy(stack("prod"), setting("hosting.modelPackageArn new version")).get("prod");

        assertThat(List.of(change(prod, MODEL), change(prod, CONFIG))).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ResourceChange.Kind.REPLACED);
            assertThat(c.replacingInputs()).contains("name");
            assertThat(c.retained()).isTrue();
        });
        assertThat(change(prod, ENDPOINT).changedInputs()).containsExactly("endpointConfigName");
    }

    @Test
    void afterARolledBackDeployTheSameVersionIsDeployedUnderNamesApartFromTheOnesSageMakerKeeps() {
        // A rolled-back deploy leaves the endpoint on the previous model and configuration, which SageMaker keeps
        // under their names outside the stack's state: deploying that version again must not reuse those names.
        List<ResourceChange> prod = secondDeploy(stack("prod"),
                setting("hosting.servedEndpointConfigName after a rollback")).get("prod");
        for (String type : List.of(MODEL, CONFIG)) {
            ResourceChange change = change(prod, type);
            assertThat(change.replacingInputs()).as(type).contains("name");
            assertThat(change.after().orElseThrow().inputs().get("name"))
                    .isNotEqualTo(change.before().orElseThrow().inputs().get("name"));
        }
    }

    @Test
    void theConfigurationStartsWithTheInstancesTheAutoscalerRunsNow() {
        List<ResourceChange> prod = secondDeploy(stack("prod"), setting("hosting.currentInstanceCount")).get("prod");

        ResourceChange config = change(prod, CONFIG);
        assertThat(config.replacingInputs()).contains("productionVariants[0].initialInstanceCount");
        assertThat(config.after().orElseThrow().inputs().get("productionVariants").toString())
                .contains("initialInstanceCount=6");
    }

    @Test
    void aToolingChangeToDataCaptureOrIsolationReachesTheHostingStacksUnderNewNames() {
        Map<String, List<ResourceChange>> capture = secondDeploy(stack("dev"), setting("deploy.enableDataCapture"));
        assertThat(change(capture.get("preprod"), CONFIG).replacingInputs()).contains("name", "dataCaptureConfig");
        assertThat(capture.get("preprod")).noneMatch(c -> c.type().equals(MODEL));

        Map<String, List<ResourceChange>> isolation = secondDeploy(stack("dev"),
                setting("deploy.enableNetworkIsolation"));
        assertThat(change(isolation.get("prod"), MODEL).replacingInputs()).contains("name", "enableNetworkIsolation");
        assertThat(change(isolation.get("prod"), CONFIG).replacingInputs()).contains("name");
    }

    /** The changes {@code setting} makes to {@code stack} and, for a tooling stack, to the hosting stacks it feeds. */
    private static Map<String, List<ResourceChange>> secondDeploy(StackFile stack, Setting setting) {
        StackFile changed = stack.with(setting.change());
        Map<String, List<ResourceChange>> changes = new LinkedHashMap<>();
        Recording after = ShippedStacks.plan(changed, stack.hosting() ? BASELINE.get("dev").outputs() : Map.of());
        changes.put(stack.stack(), diff(BASELINE.get(stack.stack()), after));
        if (!stack.hosting()) {
            for (StackFile hosting : stacks) {
                if (hosting.hosting() && String.valueOf(block(hosting.settings(), HOSTING).get("toolingStack"))
                        .endsWith("/" + stack.stack())) {
                    changes.put(hosting.stack(), diff(BASELINE.get(hosting.stack()),
                            ShippedStacks.plan(hosting, after.outputs())));
                }
            }
        }
        return changes;
    }

    private static List<ResourceChange> diff(Recording before, Recording after) {
        return DIFF.between(planned(before), planned(after));
    }

    private static void assertNoHazards(Map<String, List<ResourceChange>> changes) {
        changes.forEach((stack, stackChanges) -> {
            List<PlannedResource> after = stackChanges.stream().flatMap(c -> c.after().stream()).toList();
            assertThat(ReplacementHazard.in(stackChanges, after, TABLE)).as("stack " + stack).isEmpty();
        });
    }

    private static List<PlannedResource> planned(Recording recording) {
        return recording.resources().stream().map(PlannedResource::of).toList();
    }

    private static ResourceChange change(List<ResourceChange> changes, String type) {
        return changes.stream().filter(c -> c.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no change to a " + type + " in " + changes.stream()
                        .map(c -> c.type() + " " + c.kind()).toList()));
    }

    private static StackFile stack(String name) {
        return stacks.stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow();
    }

    private static Setting setting(String name) {
        return Stream.concat(toolingSettings().stream(), hostingSettings().stream())
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String sourceControl(StackFile stack) {
        return String.valueOf(stack.settings().getOrDefault("sagemaker-mlops:sourceControl", "codecommit"));
    }

    private static boolean has(StackFile stack, String key, String... path) {
        Object value = stack.settings().get(key);
        for (String segment : path) {
            value = value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        return value != null;
    }

    private static Consumer<Map<String, Object>> flip(String key, String property, boolean defaultValue) {
        return settings -> {
            Map<String, Object> block = block(settings, key);
            Object current = block.getOrDefault(property, defaultValue);
            block.put(property, !Boolean.parseBoolean(String.valueOf(current)));
        };
    }

    /** The block at {@code key} and {@code path}, created when missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> block(Map<String, Object> settings, String key, String... path) {
        Map<String, Object> current = (Map<String, Object>) settings.computeIfAbsent(key, k -> new LinkedHashMap<>());
        for (String segment : path) {
            current = (Map<String, Object>) current.computeIfAbsent(segment, k -> new LinkedHashMap<>());
        }
        return current;
    }

    /** A VPC in the environment block: moved to other subnets when it has one, new otherwise. */
    private static void vpc(Map<String, Object> environment, String digits) {
        environment.put("vpcId", "vpc-" + digits + "1b2c3d4e5f60001");
        environment.put("subnetIds", List.of("subnet-" + digits + "1b2c3d4e5f60031"));
        environment.put("securityGroupIds", List.of("sg-" + digits + "1b2c3d4e5f60041"));
    }

    /** The seed code both repositories start from, as a stack that never had it needs it. */
    private static void seedCode(Map<String, Object> settings) {
        block(settings, TRAINING).putIfAbsent("seedCodePath", SEED_CODE.resolve("model-build").toString());
        block(settings, DEPLOY).putIfAbsent("seedCodePath", SEED_CODE.resolve("model-deploy").toString());
    }
}
