package com.sagemakermlops.components.monitoring;

import com.sagemakermlops.components.JsonText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudWatch dashboard body of the pipelines: failed executions per pipeline (AWS/CodePipeline), builds,
 * successes, failures and duration per CodeBuild project (AWS/CodeBuild), and the model approvals that started
 * the deploy pipeline (AWS/Events metrics of the approval rule), and each monitored stage's data quality
 * ({@link MonitoringWidgets}).
 */
final class DashboardBody {
    static final int WIDTH = 12;
    static final int HEIGHT = 6;
    static final int PERIOD_SECONDS = 300;

    private DashboardBody() {
    }

    static String of(String region, List<String> pipelines, List<String> projects, Optional<String> approvalRule) {
        return of(region, pipelines, projects, approvalRule, List.of());
    }

    static String of(String region, List<String> pipelines, List<String> projects, Optional<String> approvalRule,
                     List<PipelineDashboardArgs.MonitoredStage> monitored) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(metric(region, "Failed pipeline executions", "Sum", pipelines.stream()
                .map(p -> List.<Object>of("AWS/CodePipeline", "FailedPipelineExecutions", "PipelineName", p))
                .toList()));
        for (String project : projects) {
            widgets.add(metric(region, project + " builds", "Sum", List.of(
                    List.of("AWS/CodeBuild", "Builds", "ProjectName", project),
                    List.of("AWS/CodeBuild", "SucceededBuilds", "ProjectName", project),
                    List.of("AWS/CodeBuild", "FailedBuilds", "ProjectName", project))));
            widgets.add(metric(region, project + " build duration (seconds)", "Average", List.of(
                    List.of("AWS/CodeBuild", "Duration", "ProjectName", project))));
        }
        widgets.add(approvalRule
                .map(rule -> metric(region, "Model approvals starting the deploy pipeline", "Sum", List.of(
                        List.<Object>of("AWS/Events", "TriggeredRules", "RuleName", rule),
                        List.<Object>of("AWS/Events", "Invocations", "RuleName", rule),
                        List.<Object>of("AWS/Events", "FailedInvocations", "RuleName", rule))))
                .orElseGet(() -> text("No model approval rule: each run of the deploy pipeline deploys the "
                        + "newest Approved model package.")));
        widgets.addAll(MonitoringWidgets.of(monitored));
        for (int i = 0; i < widgets.size(); i++) {
            widgets.get(i).put("x", (i % 2) * WIDTH);
            widgets.get(i).put("y", (i / 2) * HEIGHT);
        }
        return JsonText.of(Map.of("widgets", widgets));
    }

    private static Map<String, Object> metric(String region, String title, String stat, List<List<Object>> metrics) {
        return metric(region, title, stat, PERIOD_SECONDS, metrics);
    }

    static Map<String, Object> metric(String region, String title, String stat, int period,
                                      List<List<Object>> metrics) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("region", region);
        properties.put("view", "timeSeries");
        properties.put("stacked", false);
        properties.put("stat", stat);
        properties.put("period", period);
        properties.put("metrics", metrics);
        return widget("metric", properties);
    }

    private static Map<String, Object> text(String markdown) {
        return widget("text", new LinkedHashMap<>(Map.of("markdown", markdown)));
    }

    private static Map<String, Object> widget(String type, Map<String, Object> properties) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", type);
        widget.put("width", WIDTH);
        widget.put("height", HEIGHT);
        widget.put("properties", properties);
        return widget;
    }
}
