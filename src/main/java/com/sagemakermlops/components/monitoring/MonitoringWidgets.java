package com.sagemakermlops.components.monitoring;

import com.sagemakermlops.components.hosting.monitoring.MonitoringNames;
import com.sagemakermlops.components.hosting.monitoring.MonitoringPermissions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's data-quality monitoring rows, one per stage, read from the stage's account (CloudWatch
 * cross-account dashboards: the stage accounts share their metrics with the tooling account,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Cross-Account-Cross-Region.html). SageMaker
 * publishes no metric of monitoring executions: each execution that failed or found violations is an event that the
 * stage's alert rule matches ({@code AWS/Events MatchedEvents} by {@code RuleName},
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html). The violations themselves are the
 * analyzer's per-feature metrics ({@code feature_baseline_drift_<feature>} in
 * {@value MonitoringPermissions#METRICS_NAMESPACE} with the {@code Endpoint} and {@code MonitoringSchedule}
 * dimensions, https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-interpreting-cloudwatch.html), found
 * by a search since the features are the model's.
 */
final class MonitoringWidgets {
    static final int PERIOD_SECONDS = 3600;

    private MonitoringWidgets() {
    }

    static List<Map<String, Object>> of(List<PipelineDashboardArgs.MonitoredStage> stages) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (PipelineDashboardArgs.MonitoredStage s : stages) {
            String id = s.stage().id();
            Map<String, Object> account = Map.of("accountId", s.accountId());
            widgets.add(DashboardBody.metric(s.region(), "Data-quality monitoring of " + id
                    + ": executions failed and with violations", "Sum", PERIOD_SECONDS, List.of(
                    List.of("AWS/Events", "MatchedEvents", "RuleName",
                            MonitoringNames.failedRule(s.productName(), s.stage()), labelled(account, "failed")),
                    List.of("AWS/Events", "MatchedEvents", "RuleName",
                            MonitoringNames.violationsRule(s.productName(), s.stage()),
                            labelled(account, "with violations")))));
            String search = "SEARCH('{" + MonitoringPermissions.METRICS_NAMESPACE + ",Endpoint,MonitoringSchedule} "
                    + "MetricName=\"feature_baseline_drift_\" MonitoringSchedule=\""
                    + MonitoringNames.schedule(s.productName(), s.stage()) + "\"', 'Maximum', " + PERIOD_SECONDS + ")";
            Map<String, Object> expression = new LinkedHashMap<>(account);
            expression.put("expression", search);
            expression.put("label", "baseline drift");
            expression.put("id", "drift");
            widgets.add(DashboardBody.metric(s.region(), "Feature drift from the baseline in " + id, "Maximum",
                    PERIOD_SECONDS, List.of(List.of(expression))));
        }
        return widgets;
    }

    private static Map<String, Object> labelled(Map<String, Object> account, String label) {
        Map<String, Object> options = new LinkedHashMap<>(account);
        options.put("label", label);
        return options;
    }
}
