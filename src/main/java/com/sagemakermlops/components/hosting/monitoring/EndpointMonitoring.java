package com.sagemakermlops.components.hosting.monitoring;

import com.sagemakermlops.config.MonitoringConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Objects;
import java.util.Optional;

/**
 * The data-quality monitoring of a hosted endpoint, the part of {@code ModelHostingArgs} that turns it on: the
 * endpoint's capture is read against the served version's baseline, in the endpoint's account and region. The
 * endpoint's key, network, name, tags and capture (whose bucket takes the reports under the stage's prefix) come
 * from the hosting itself.
 *
 * @param stage      the stage whose endpoint is monitored; it names the schedule, the alert topic and rules
 * @param settings   the schedule, instance type and runtime ({@code hosting.monitoring})
 * @param baseline   the served version's baseline
 * @param accountId  the account of the endpoint, where the stage's monitoring role is
 * @param region     the region of the endpoint, whose analyzer image the job runs
 */
public record EndpointMonitoring(TargetEnvironment.Stage stage, MonitoringConfig settings,
                                 MonitoringConfig.Baseline baseline, String accountId, String region) {

    public EndpointMonitoring {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
    }

    /**
     * A stage's monitoring, or empty when it is not monitored. Monitoring reads the endpoint's capture, so it follows
     * the stage's data capture (the tooling stack's {@code deploy.enableDataCapture}, read through the stack
     * reference) unless {@code hosting.monitoring.enabled} says otherwise.
     */
    public static Optional<EndpointMonitoring> ofStage(TargetEnvironment.Stage stage, MonitoringConfig monitoring,
                                                       boolean dataCapture, String accountId, String region) {
        if (!active(monitoring, dataCapture, stage)) {
            return Optional.empty();
        }
        return Optional.of(new EndpointMonitoring(stage, monitoring, requireBaseline(monitoring), accountId, region));
    }

    /** On by default with data capture; on without data capture there is nothing to read. */
    static boolean active(MonitoringConfig monitoring, boolean dataCapture, TargetEnvironment.Stage stage) {
        if (monitoring.enabled().orElse(false) && !dataCapture) {
            throw new IllegalStateException("sagemaker-mlops:hosting.monitoring.enabled is true but the tooling stack "
                    + "captures no data of the " + stage.id() + " endpoint (deploy.enableDataCapture is false): "
                    + "monitoring reads the capture; turn capture on or monitoring off");
        }
        return monitoring.activeWith(dataCapture);
    }

    /** The served version's baseline, which a monitored endpoint cannot do without. */
    static MonitoringConfig.Baseline requireBaseline(MonitoringConfig monitoring) {
        return monitoring.baseline().orElseThrow(() -> new IllegalStateException(
                "sagemaker-mlops:hosting.monitoring.statisticsUri and constraintsUri are required while the endpoint "
                        + "is monitored: the deploy build sets them from the served version's DriftCheckBaselines "
                        + "(ModelDataQuality); set them, or set hosting.monitoring.enabled to false"));
    }
}
