package com.sagemakermlops.plan;

import com.sagemakermlops.engine.ResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan diff and its replacement hazards, on small plans with the mistakes a program makes planted in them. */
class PlanDiffTest {
    private static final ReplaceForcing TABLE = ReplaceForcing.standard();
    private static final PlanDiff DIFF = new PlanDiff(TABLE);
    private static final String PROVIDER = "urn:pulumi:s::p::pulumi:providers:aws::aws-prod";
    private static final String MODEL = "aws:sagemaker/model:Model";
    private static final String CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    private static final String TARGET = "aws:appautoscaling/target:Target";
    private static final String GROUP = "aws:sagemaker/modelPackageGroup:ModelPackageGroup";

    private static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        return resource(type, name, inputs, Map.of(), ResourceOptions.NONE);
    }

    private static PlannedResource resource(String type, String name, Map<String, Object> inputs,
                                            Map<String, List<String>> dependencies, ResourceOptions options) {
        return new PlannedResource(urn(type, name), type, name, true, Optional.of(PROVIDER), inputs, dependencies,
                options);
    }

    private static String urn(String type, String name) {
        return "urn:pulumi:s::p::" + type + "::" + name;
    }

    private static ResourceOptions deleteFirstAndRetain() {
        return new ResourceOptions(Optional.of(true), true, false, List.of(), List.of(), Map.of());
    }

    private static PlannedResource provider(String region) {
        return new PlannedResource(PROVIDER, "pulumi:providers:aws", "aws-prod", true, Optional.empty(),
                Map.of("region", region), Map.of(), ResourceOptions.NONE);
    }

    private static Map<String, Object> config(String name, String instanceType) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("name", name);
        inputs.put("productionVariants", List.of(Map.of("instanceType", instanceType, "initialInstanceCount", 2.0)));
        inputs.put("tags", Map.of("stage", "prod"));
        return inputs;
    }

    private static PlannedResource endpointServing(String configUrn) {
        return resource("aws:sagemaker/endpoint:Endpoint", "endpoint",
                Map.of("name", "prod-endpoint", "endpointConfigName", "prod-config"),
                Map.of("endpointConfigName", List.of(configUrn)), ResourceOptions.NONE);
    }

    private static List<ReplacementHazard> hazards(List<PlannedResource> before, List<PlannedResource> after) {
        return ReplacementHazard.in(DIFF.between(before, after), after, TABLE);
    }

    @Test
    void aReplaceForcingChangeUnderAFixedNameNeverReachesWhatServesIt() {
        var before = resource(CONFIG, "config", config("prod-config", "ml.m5.large"));
        var after = resource(CONFIG, "config", config("prod-config", "ml.m5.xlarge"));
        var endpoint = endpointServing(before.urn());

        List<ResourceChange> changes = DIFF.between(List.of(before, endpoint), List.of(after, endpoint));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ResourceChange.Kind.REPLACED);
            assertThat(change.replacingInputs()).containsExactly("productionVariants[0].instanceType");
            assertThat(change.deletesFirst()).as("pulumi-aws deletes first when the program fixed the name").isTrue();
        });
        assertThat(ReplacementHazard.in(changes, List.of(after, endpoint), TABLE)).singleElement()
                .satisfies(h -> assertThat(h.message()).contains("same name prod-config")
                        .contains("endpoint, which refers to it and is not replaced, never see the change"));
        // Without a resource that refers to it, the provider's delete-first replacement under the same name works.
        assertThat(hazards(List.of(before), List.of(after))).isEmpty();
    }

    @Test
    void aReplacementThatKeepsANameTheProviderDoesNotAutonameCollides() {
        var before = resource(GROUP, "registry", Map.of("modelPackageGroupName", "models",
                "modelPackageGroupDescription", "old words"));
        var after = resource(GROUP, "registry", Map.of("modelPackageGroupName", "models",
                "modelPackageGroupDescription", "new words"));

        List<ReplacementHazard> hazards = hazards(List.of(before), List.of(after));

        assertThat(hazards).singleElement().satisfies(h -> assertThat(h.message())
                .contains("modelPackageGroupDescription").contains("AWS refuses a second one of that name"));
    }

    @Test
    void aNameThatFollowsTheReplaceForcingInputsIsNoHazard() {
        var before = resource(CONFIG, "config", config("prod-config-aaaa", "ml.m5.large"));
        var after = resource(CONFIG, "config", config("prod-config-bbbb", "ml.m5.xlarge"));

        var endpoint = endpointServing(before.urn());
        List<ResourceChange> changes = DIFF.between(List.of(before, endpoint), List.of(after, endpoint));

        assertThat(changes).filteredOn(c -> c.type().equals(CONFIG)).singleElement().satisfies(c -> assertThat(
                c.replacingInputs()).containsExactly("name", "productionVariants[0].instanceType"));
        assertThat(ReplacementHazard.in(changes, List.of(after, endpoint), TABLE)).isEmpty();
    }

    @Test
    void deleteBeforeReplaceAskedForByTheProgramIsIntended() {
        var options = new ResourceOptions(Optional.of(true), false, false, List.of(), List.of(), Map.of());
        var before = resource(CONFIG, "config", config("prod-config", "ml.m5.large"), Map.of(), options);
        var after = resource(CONFIG, "config", config("prod-config", "ml.m5.xlarge"), Map.of(), options);

        assertThat(hazards(List.of(before), List.of(after))).isEmpty();
    }

    @Test
    void aRetainedResourceCannotBeReplacedUnderTheSameName() {
        var before = resource(CONFIG, "config", config("prod-config", "ml.m5.large"), Map.of(), deleteFirstAndRetain());
        var after = resource(CONFIG, "config", config("prod-config", "ml.m5.xlarge"), Map.of(), deleteFirstAndRetain());

        List<ResourceChange> changes = DIFF.between(List.of(before), List.of(after));

        assertThat(changes).singleElement().satisfies(c -> assertThat(c.retained()).isTrue());
        assertThat(ReplacementHazard.in(changes, List.of(after), TABLE)).singleElement()
                .satisfies(h -> assertThat(h.message()).contains("kept in AWS (retainOnDelete)"));
    }

    @Test
    void anInputThatDoesNotForceReplacementIsAnUpdate() {
        var before = resource(TARGET, "target", Map.of("resourceId", "endpoint/e/variant/AllTraffic",
                "scalableDimension", "sagemaker:variant:DesiredInstanceCount", "serviceNamespace", "sagemaker",
                "maxCapacity", 2.0));
        var after = resource(TARGET, "target", Map.of("resourceId", "endpoint/e/variant/AllTraffic",
                "scalableDimension", "sagemaker:variant:DesiredInstanceCount", "serviceNamespace", "sagemaker",
                "maxCapacity", 6));

        List<ResourceChange> changes = DIFF.between(List.of(before), List.of(after));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATED);
            assertThat(c.changedInputs()).containsExactly("maxCapacity");
        });
        assertThat(ReplacementHazard.in(changes, List.of(after), TABLE)).isEmpty();
    }

    @Test
    void addedRemovedAndUnchangedResources() {
        var kept = resource(MODEL, "kept", Map.of("name", "m1"));
        var gone = resource(MODEL, "gone", Map.of("name", "m2"));
        var added = resource(MODEL, "added", Map.of("name", "m3"));

        List<ResourceChange> changes = DIFF.between(List.of(kept, gone), List.of(kept, added));

        assertThat(changes).extracting(ResourceChange::name, ResourceChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("added", ResourceChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("gone", ResourceChange.Kind.REMOVED));
    }

    @Test
    void aDeleteFirstReplacementTakesTheDependentsWhoseReplaceForcingInputsComeFromIt() {
        String configUrn = urn(CONFIG, "config");
        Map<String, Object> target = Map.of("resourceId", "endpoint/e/variant/AllTraffic",
                "scalableDimension", "sagemaker:variant:DesiredInstanceCount", "serviceNamespace", "sagemaker");
        var configBefore = resource(CONFIG, "config", config("c-1", "ml.m5.large"), Map.of(), deleteFirstAndRetain());
        var configAfter = resource(CONFIG, "config", config("c-2", "ml.m5.xlarge"), Map.of(), deleteFirstAndRetain());
        var targetFollowingTheConfig = resource(TARGET, "target", target,
                Map.of("resourceId", List.of(configUrn)), ResourceOptions.NONE);

        List<ResourceChange> changes = DIFF.between(List.of(configBefore, targetFollowingTheConfig),
                List.of(configAfter, targetFollowingTheConfig));

        assertThat(changes).filteredOn(c -> c.type().equals(TARGET)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ResourceChange.Kind.REPLACED);
            assertThat(c.deletesFirst()).isTrue();
            assertThat(c.replacedWith()).hasValueSatisfying(why -> assertThat(why).contains(configUrn));
        });
        assertThat(ReplacementHazard.in(changes, List.of(configAfter, targetFollowingTheConfig), TABLE)).isEmpty();

        // Planted: the target takes its resource id from something else, so it stays registered through the update.
        var targetFollowingOnlyTheEndpoint = resource(TARGET, "target", target,
                Map.of("resourceId", List.of(urn("aws:sagemaker/endpoint:Endpoint", "endpoint"))),
                ResourceOptions.NONE);
        assertThat(DIFF.between(List.of(configBefore, targetFollowingOnlyTheEndpoint),
                List.of(configAfter, targetFollowingOnlyTheEndpoint))).noneMatch(c -> c.type().equals(TARGET));
    }

    @Test
    void aReplacedProviderReplacesWhatItManages() {
        var model = resource(MODEL, "model", Map.of("name", "m1"));

        List<ResourceChange> changes = DIFF.between(List.of(provider("us-west-2"), model),
                List.of(provider("eu-west-1"), model));

        assertThat(changes).extracting(ResourceChange::name).containsExactly("model", "aws-prod");
        assertThat(changes).allSatisfy(c -> assertThat(c.kind()).isEqualTo(ResourceChange.Kind.REPLACED));
    }

    @Test
    void replaceOnChangesForcesAReplacementTheProviderWouldNotAskFor() {
        var options = new ResourceOptions(Optional.empty(), false, false, List.of("maxCapacity"), List.of(), Map.of());
        var before = resource(TARGET, "target", Map.of("maxCapacity", 2.0), Map.of(), options);
        var after = resource(TARGET, "target", Map.of("maxCapacity", 3.0), Map.of(), options);

        assertThat(DIFF.between(List.of(before), List.of(after))).singleElement()
                .satisfies(c -> assertThat(c.replacingInputs()).containsExactly("maxCapacity"));
    }

    @Test
    void aTypeMissingFromTheTableIsAHazardOfItsOwn() {
        var before = resource("aws:lambda/function:Function", "fn", Map.of("name", "f", "memorySize", 128.0));
        var after = resource("aws:lambda/function:Function", "fn", Map.of("name", "f", "memorySize", 256.0));

        assertThat(hazards(List.of(before), List.of(after))).singleElement()
                .satisfies(h -> assertThat(h.message()).contains("is not in the replace-forcing table"));
    }

    @Test
    void aBlockInTheTableCoversEveryPathBelowItOnly() {
        assertThat(ReplaceForcing.covers("productionVariants", "productionVariants[0].instanceType")).isTrue();
        assertThat(ReplaceForcing.covers("deploymentConfig.autoRollbackConfiguration",
                "deploymentConfig.autoRollbackConfiguration.alarms[1].alarmName")).isTrue();
        assertThat(ReplaceForcing.covers("deploymentConfig.autoRollbackConfiguration",
                "deploymentConfig.blueGreenUpdatePolicy.terminationWaitInSeconds")).isFalse();
        assertThat(ReplaceForcing.covers("name", "namePrefix")).isFalse();
    }

    @Test
    void thePlanDiffTextSaysWhatEachChangeDoes() {
        var before = resource(GROUP, "registry", Map.of("modelPackageGroupName", "models",
                "modelPackageGroupDescription", "old words", "tags", Map.of("a", "1")));
        var after = resource(GROUP, "registry", Map.of("modelPackageGroupName", "models",
                "modelPackageGroupDescription", "new words", "tags", Map.of("a", "2")));
        var added = resource(MODEL, "model", Map.of("name", "m1"));
        List<ResourceChange> changes = DIFF.between(List.of(before), List.of(after, added));
        List<ReplacementHazard> hazards = ReplacementHazard.in(changes, List.of(after, added), TABLE);

        assertThat(PlanDiffText.lines("prod", changes, hazards)).containsExactly(
                "Changes to stack prod against the base plan:",
                "  +  " + MODEL + "  model  create",
                "  +- " + GROUP + "  registry  replace [replace: modelPackageGroupDescription] [diff: tags.a]"
                        + " (create first)",
                "  1 to create, 0 to update, 1 to replace, 0 to delete",
                "  hazard: " + GROUP + "  registry: " + hazards.get(0).message());
    }

    @Test
    void aPlanFileThatIsNotAPlanIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> PlanFile.read("[1, 2]")).hasMessageContaining("expected a plan written by --json");
        assertThatThrownBy(() -> PlanFile.read("{\"stacks\": [{\"stack\": \"dev\"}]}"))
                .hasMessageContaining("\"resources\"");
        assertThat(PlanFile.read("{\"stacks\": [{\"stack\": \"dev\", \"resources\": []}]}")).containsKey("dev");
    }
}
