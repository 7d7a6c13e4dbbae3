package com.sagemakermlops.components.monitoring;

import com.google.gson.Gson;
import com.sagemakermlops.components.hosting.monitoring.MonitoringNames;
import com.sagemakermlops.config.TargetEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringWidgetsTest {
    private static final String PRODUCT = "acme-dev-c001-eu-west-1-fraud-ml";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> monitoringWidgets() {
        String body = DashboardBody.of("eu-west-1", List.of("p"), List.of(), Optional.empty(), List.of(
                new PipelineDashboardArgs.MonitoredStage(TargetEnvironment.Stage.PREPROD, "222233334444", "eu-west-1",
                        PRODUCT),
                new PipelineDashboardArgs.MonitoredStage(TargetEnvironment.Stage.PROD, "333344445555", "eu-west-1",
                        PRODUCT)));
        List<Map<String, Object>> widgets = (List<Map<String, Object>>) new Gson().fromJson(body, Map.class)
                .get("widgets");
        return widgets.subList(widgets.size() - 4, widgets.size()).stream()
                .map(w -> (Map<String, Object>) w.get("properties")).toList();
    }

    @Test
    void eachStageShowsItsFailedAndViolatingExecutionsFromItsOwnAccount() {
        Map<String, Object> prod = monitoringWidgets().get(2);
        assertThat(prod.get("title").toString()).contains("prod");
        assertThat(prod).containsEntry("stat", "Sum").containsEntry("period", 3600.0);
        assertThat(prod.get("metrics")).isEqualTo(List.of(
                List.of("AWS/Events", "MatchedEvents", "RuleName",
                        MonitoringNames.failedRule(PRODUCT, TargetEnvironment.Stage.PROD),
                        Map.of("accountId", "333344445555", "label", "failed")),
                List.of("AWS/Events", "MatchedEvents", "RuleName",
                        MonitoringNames.violationsRule(PRODUCT, TargetEnvironment.Stage.PROD),
                        Map.of("accountId", "333344445555", "label", "with violations"))));
    }

    @Test
    void eachStageShowsTheAnalyzersDriftMetricsOfItsSchedule() {
        Map<String, Object> preprod = monitoringWidgets().get(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> expression = ((List<List<Map<String, Object>>>) preprod.get("metrics")).get(0).get(0);
        assertThat(expression).containsEntry("accountId", "222233334444");
        assertThat(expression.get("expression").toString())
                .startsWith("SEARCH('{/aws/sagemaker/Endpoints/data-metrics,Endpoint,MonitoringSchedule} ")
                .contains("MetricName=\"feature_baseline_drift_\"")
                .contains("MonitoringSchedule=\"" + MonitoringNames.schedule(PRODUCT, TargetEnvironment.Stage.PREPROD));
    }
}
