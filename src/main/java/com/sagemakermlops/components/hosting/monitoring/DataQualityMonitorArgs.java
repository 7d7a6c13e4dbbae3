package com.sagemakermlops.components.hosting.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.config.MonitoringConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link DataQualityMonitor} watches and with what.
 *
 * @param stage        the stage whose endpoint is monitored
 * @param monitoring   the schedule, instance, runtime and the served version's baseline ({@code hosting.monitoring})
 * @param baseline     the served version's baseline (required: {@link DataQualityMonitor#requireBaseline})
 * @param tooling      the product name, the tooling bucket (capture, reports) and the product key
 * @param environment  the stage's account, region, VPC and isolation, as the endpoint has them
 * @param endpointName the monitored endpoint, whose capture the job reads
 * @param tags         the tags every resource carries
 */
public record DataQualityMonitorArgs(TargetEnvironment.Stage stage, MonitoringConfig monitoring,
                                     MonitoringConfig.Baseline baseline, Tooling tooling, StageEnvironment environment,
                                     Output<String> endpointName, Output<Map<String, String>> tags) {

    /** The tooling stack's values the monitor uses. */
    public record Tooling(String productName, String bucketName, String kmsKeyArn) {
    }

    public DataQualityMonitorArgs {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(tooling, "tooling");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(tags, "tags");
    }
}
