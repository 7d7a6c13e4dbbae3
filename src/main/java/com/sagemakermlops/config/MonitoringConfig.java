package com.sagemakermlops.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data-quality monitoring of a stage's endpoint ({@code hosting.monitoring}): a Model Monitor job on a schedule that
 * compares the endpoint's captured requests and answers with the served version's baseline.
 *
 * @param enabled           {@code hosting.monitoring.enabled}; empty means on when the stage captures data
 * @param schedule          when the job runs ({@code schedule}, hourly by default)
 * @param instanceType      the job's instance ({@code instanceType}, {@code ml.m5.large})
 * @param maxRuntimeMinutes how long one execution may run ({@code maxRuntimeMinutes}, 60)
 * @param baseline          the served version's data-quality baseline, as the deploy build resolved it from the
 *                          version's {@code DriftCheckBaselines} ({@code statisticsUri}, {@code constraintsUri})
 */
public record MonitoringConfig(Optional<Boolean> enabled, MonitoringSchedule schedule, String instanceType,
                               int maxRuntimeMinutes, Optional<Baseline> baseline) {
    public static final String DEFAULT_INSTANCE_TYPE = "ml.m5.large";
    /**
     * pulumi-aws validates {@code stoppingCondition.maxRuntimeInSeconds} from 1 to 3600
     * (terraform-provider-aws internal/service/sagemaker/data_quality_job_definition.go), and SageMaker refuses a
     * runtime longer than the schedule's interval ({@code MonitoringStoppingCondition} in the API reference: "up to
     * 3600 seconds for an hourly schedule"); every schedule form runs at least an hour apart.
     */
    public static final int MAX_RUNTIME_MINUTES = 60;
    /**
     * Families with local NVMe storage: SageMaker refuses a volume key on them, and the job's volume is always
     * encrypted with the product key (CreateDataQualityJobDefinition, {@code MonitoringClusterConfig.VolumeKmsKeyId};
     * the families from EC2's instance store table, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-store-volumes.html).
     */
    static final Set<String> LOCAL_STORAGE_FAMILIES = Set.of("c5d", "g4dn", "g5", "g6", "g6e", "m5d", "p3dn", "p4d",
            "p4de", "p5", "p5e", "p5en", "r5d", "trn1", "trn1n", "trn2");
    private static final Pattern BASELINE_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\\S+");

    /** Where the baseline's two files are in the tooling bucket. */
    public record Baseline(String statisticsUri, String constraintsUri) {
        /** The bucket of both files. */
        public String bucket() {
            return bucketOf(statisticsUri);
        }

        static String bucketOf(String uri) {
            return uri.substring("s3://".length(), uri.indexOf('/', "s3://".length()));
        }
    }

    /** Monitoring as the defaults make it: on when data is captured, hourly, no baseline yet. */
    public static MonitoringConfig defaults() {
        return new MonitoringConfig(Optional.empty(), hourly(), DEFAULT_INSTANCE_TYPE, MAX_RUNTIME_MINUTES,
                Optional.empty());
    }

    /** Whether the stage's endpoint is monitored, given whether it captures data. */
    public boolean activeWith(boolean dataCapture) {
        return enabled.orElse(dataCapture);
    }

    private static MonitoringSchedule hourly() {
        return MonitoringSchedule.parse(MonitoringSchedule.HOURLY).schedule().orElseThrow();
    }

    /** {@code hosting.monitoring}, every problem reported at its key. */
    static MonitoringConfig parse(ConfigNode n) {
        Optional<Boolean> enabled = n.has("enabled") ? Optional.of(n.bool("enabled", true)) : Optional.empty();
        MonitoringSchedule schedule = n.string("schedule").map(expression -> {
            MonitoringSchedule.Result parsed = MonitoringSchedule.parse(expression);
            parsed.problem().ifPresent(problem -> n.problem("schedule", problem));
            return parsed.schedule().orElse(hourly());
        }).orElse(hourly());
        String instanceType = n.string("instanceType", MonitoringConfig::instanceProblem).orElse(DEFAULT_INSTANCE_TYPE);
        int maxRuntime = n.integer("maxRuntimeMinutes", MAX_RUNTIME_MINUTES, 1, MAX_RUNTIME_MINUTES);
        Optional<String> statistics = n.string("statisticsUri", baselineFile("statistics.json"));
        Optional<String> constraints = n.string("constraintsUri", baselineFile("constraints.json"));
        boolean withStatistics = n.has("statisticsUri");
        if (withStatistics != n.has("constraintsUri")) {
            n.problem(withStatistics ? "constraintsUri" : "statisticsUri",
                    "is required with " + (withStatistics ? "statisticsUri" : "constraintsUri")
                            + ": a baseline is its statistics and its constraints");
        }
        Optional<Baseline> baseline = statistics.flatMap(s -> constraints.map(c -> new Baseline(s, c)));
        baseline.filter(b -> !b.bucket().equals(Baseline.bucketOf(b.constraintsUri()))).ifPresent(b -> n.problem(
                "constraintsUri", "expected the bucket of statisticsUri (" + b.bucket() + "), got "
                        + Baseline.bucketOf(b.constraintsUri())));
        return new MonitoringConfig(enabled, schedule, instanceType, maxRuntime, baseline);
    }

    private static Checks.Check baselineFile(String file) {
        return value -> BASELINE_URI.matcher(value).matches() && value.endsWith("/" + file) ? Optional.empty()
                : Optional.of("an s3://<bucket>/.../" + file + " URI (the version's DriftCheckBaselines)");
    }

    static Optional<String> instanceProblem(String value) {
        Optional<String> shape = Checks.ML_INSTANCE.expectation(value);
        if (shape.isPresent()) {
            return shape;
        }
        String family = value.split("\\.")[1];
        return LOCAL_STORAGE_FAMILIES.contains(family)
                ? Optional.of("an instance type without local NVMe storage (SageMaker refuses the job's volume key on "
                + family + "), such as " + DEFAULT_INSTANCE_TYPE)
                : Optional.empty();
    }
}
