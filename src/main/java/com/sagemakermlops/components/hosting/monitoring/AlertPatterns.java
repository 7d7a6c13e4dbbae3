package com.sagemakermlops.components.hosting.monitoring;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EventBridge patterns of a monitor's alerts. Each monitoring execution is a processing job, and SageMaker sends
 * "SageMaker Processing Job State Change" events whose detail is the job's description
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/automating-sagemaker-with-eventbridge.html), which names the
 * schedule that started it ({@code MonitoringScheduleArn} of DescribeProcessingJob). An execution that found
 * violations completes with an exit message starting {@code CompletedWithViolations} (the execution status
 * ListMonitoringExecutions reports). SageMaker publishes no CloudWatch metric of executions, so these events are
 * what the alerts and the dashboard count.
 */
final class AlertPatterns {
    static final String VIOLATIONS_EXIT_MESSAGE = "CompletedWithViolations";

    private AlertPatterns() {
    }

    static String failed(String scheduleArn) {
        return pattern(scheduleArn, Map.of("ProcessingJobStatus", List.of("Failed")));
    }

    static String violations(String scheduleArn) {
        return pattern(scheduleArn, Map.of("ProcessingJobStatus", List.of("Completed"),
                "ExitMessage", List.of(Map.of("prefix", VIOLATIONS_EXIT_MESSAGE))));
    }

    private static String pattern(String scheduleArn, Map<String, Object> status) {
        Map<String, Object> detail = new TreeMap<>(status);
        detail.put("MonitoringScheduleArn", List.of(scheduleArn));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.sagemaker"));
        pattern.put("detail-type", List.of(DataQualityMonitor.STATE_CHANGE));
        pattern.put("detail", detail);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(pattern);
    }
}
