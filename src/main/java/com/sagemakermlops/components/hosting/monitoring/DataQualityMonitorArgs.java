package com.sagemakermlops.components.hosting.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.ModelNetwork;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link DataQualityMonitor} watches and with what.
 *
 * @param monitoring   the stage, its schedule, instance, runtime and baseline, its account and region
 * @param capture      the endpoint's capture, whose bucket takes the reports
 * @param productName  the product name every physical name starts with
 * @param kmsKeyArn    the product key, on the reports, the volume and the alert topic
 * @param network      the endpoint's network, which the job runs in too
 * @param endpointName the monitored endpoint, whose capture the job reads
 * @param tags         the tags every resource carries
 */
public record DataQualityMonitorArgs(EndpointMonitoring monitoring, DataCapture capture, String productName,
                                     String kmsKeyArn,
                                     ModelNetwork network, Output<String> endpointName,
                                     Output<Map<String, String>> tags) {

    public DataQualityMonitorArgs {
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(kmsKeyArn, "kmsKeyArn");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(tags, "tags");
    }

    TargetEnvironment.Stage stage() {
        return monitoring.stage();
    }
}
