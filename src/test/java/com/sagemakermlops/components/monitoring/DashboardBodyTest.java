package com.sagemakermlops.components.monitoring;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBodyTest {
    private static final List<String> PIPELINES = List.of("build-pipeline", "deploy-pipeline");
    private static final List<String> PROJECTS = List.of("train", "deploy-preprod", "deploy-prod");

    @Test
    void failedExecutionsOfEveryPipelineAreOneWidget() {
        List<Map<String, Object>> widgets = widgets(DashboardBody.of("us-west-2", PIPELINES, PROJECTS,
                Optional.of("approved")));

        assertThat(properties(widgets.get(0))).containsEntry("region", "us-west-2").containsEntry("stat", "Sum")
                .containsEntry("metrics", List.of(
                        List.of("AWS/CodePipeline", "FailedPipelineExecutions", "PipelineName", "build-pipeline"),
                        List.of("AWS/CodePipeline", "FailedPipelineExecutions", "PipelineName", "deploy-pipeline")));
    }

    @Test
    void everyProjectHasABuildsWidgetAndADurationWidget() {
        List<Map<String, Object>> widgets = widgets(DashboardBody.of("us-west-2", PIPELINES, PROJECTS,
                Optional.empty()));

        for (String project : PROJECTS) {
            assertThat(widgets).map(DashboardBodyTest::properties)
                    .anySatisfy(p -> assertThat(p).containsEntry("title", project + " builds")
                            .containsEntry("stat", "Sum")
                            .containsEntry("metrics", List.of(
                                    List.of("AWS/CodeBuild", "Builds", "ProjectName", project),
                                    List.of("AWS/CodeBuild", "SucceededBuilds", "ProjectName", project),
                                    List.of("AWS/CodeBuild", "FailedBuilds", "ProjectName", project))))
                    .anySatisfy(p -> assertThat(p).containsEntry("stat", "Average")
                            .containsEntry("metrics", List.of(
                                    List.of("AWS/CodeBuild", "Duration", "ProjectName", project))));
        }
    }

    @Test
    void approvalsAreTheApprovalRulesEventMetricsWhenThereIsARule() {
        List<Map<String, Object>> widgets = widgets(DashboardBody.of("eu-west-1", PIPELINES, PROJECTS,
                Optional.of("model-approved")));

        assertThat(properties(widgets.get(widgets.size() - 1))).containsEntry("metrics", List.of(
                List.of("AWS/Events", "TriggeredRules", "RuleName", "model-approved"),
                List.of("AWS/Events", "Invocations", "RuleName", "model-approved"),
                List.of("AWS/Events", "FailedInvocations", "RuleName", "model-approved")));
    }

    @Test
    void withoutARuleTheLastWidgetSaysWhyThereAreNoApprovalMetrics() {
        List<Map<String, Object>> widgets = widgets(DashboardBody.of("eu-west-1", PIPELINES, PROJECTS,
                Optional.empty()));

        Map<String, Object> last = widgets.get(widgets.size() - 1);
        assertThat(last).containsEntry("type", "text");
        assertThat(String.valueOf(properties(last).get("markdown"))).contains("newest Approved");
        assertThat(widgets.toString()).doesNotContain("AWS/Events");
    }

    @Test
    void widgetsTileTwoPerRowWithoutOverlapping() {
        List<Map<String, Object>> widgets = widgets(DashboardBody.of("us-west-2", PIPELINES, PROJECTS,
                Optional.of("r")));

        assertThat(widgets).hasSize(1 + 2 * PROJECTS.size() + 1);
        assertThat(widgets).extracting(w -> ((Number) w.get("x")).intValue() + "," + ((Number) w.get("y")).intValue())
                .containsExactly("0,0", "12,0", "0,6", "12,6", "0,12", "12,12", "0,18", "12,18");
        assertThat(widgets).allSatisfy(w -> assertThat(w).containsEntry("width", 12.0).containsEntry("height", 6.0));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> widgets(String body) {
        return (List<Map<String, Object>>) new Gson().fromJson(body, Map.class).get("widgets");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> widget) {
        return (Map<String, Object>) widget.get("properties");
    }
}
