package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code hosting.monitoring}: SageMaker's schedule forms (ScheduleConfig.ScheduleExpression in botocore's sagemaker
 * model), the provider's and SageMaker's runtime limits, instance types that take a volume key, the baseline's two
 * files.
 */
class MonitoringConfigTest {
    private static final String STACK = HostingConfigTest.STACK + "    monitoring:\n";
    private static final String BASELINE = "s3://models-bucket/pipelines/p/q3n8x4v2k7a1/baseline/";

    private static HostingConfig hosting(String monitoringLines) {
        return TestStacks.config(STACK + monitoringLines).requireHosting();
    }

    private static List<String> problems(String monitoringLines) {
        var e = catchThrowableOfType(() -> TestStacks.config(STACK + monitoringLines), InvalidConfigException.class);
        return e == null ? List.of() : e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void defaultsAreHourlyOnAnMlM5LargeForAnHourFollowingDataCapture() {
        MonitoringConfig monitoring = hosting("      instanceType: ml.m5.large\n")
                .monitoring();
        assertThat(monitoring.schedule()).isEqualTo(new MonitoringSchedule("cron(0 * ? * * *)", 1));
        assertThat(monitoring.maxRuntimeMinutes()).isEqualTo(60);
        assertThat(monitoring.enabled()).isEmpty();
        assertThat(monitoring.activeWith(true)).isTrue();
        assertThat(monitoring.activeWith(false)).isFalse();
        assertThat(monitoring.baseline()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"cron(0 * ? * * *);1", "cron(0 12 ? * * *);24", "cron(0 00 ? * * *);24",
            "cron(0 17/12 ? * * *);12", "cron(0 0/2 ? * * *);2", "cron(0 23/24 ? * * *);24"})
    void sageMakersScheduleFormsAreAccepted(String expression, int hours) {
        assertThat(hosting("      schedule: \"" + expression + "\"\n").monitoring().schedule())
                .isEqualTo(new MonitoringSchedule(expression, hours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 hour)", "cron(15 * ? * * *)", "cron(0 * * * ? *)", "cron(0 0 ? * MON *)",
            "Hourly: cron(0 * ? * * *)", "@hourly", "cron(0 */2 ? * * *)"})
    void otherCronExpressionsAreRefusedWithTheForms(String expression) {
        assertThat(problems("      schedule: \"" + expression + "\"\n")).singleElement().asString()
                .startsWith("sagemaker-mlops:hosting.monitoring.schedule: expected one of SageMaker's schedule forms")
                .contains(expression);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"cron(0 24 ? * * *);an hour from 00 to 23", "cron(0 3/25 ? * * *);01 to 24",
            "cron(0 3/0 ? * * *);01 to 24"})
    void hoursAndIntervalsOutOfRangeAreRefused(String expression, String expected) {
        assertThat(problems("      schedule: \"" + expression + "\"\n")).singleElement().asString()
                .startsWith("sagemaker-mlops:hosting.monitoring.schedule: expected").contains(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 61, 1440})
    void aRuntimeBeyondAnHourIsRefused(int minutes) {
        assertThat(problems("      maxRuntimeMinutes: " + minutes + "\n")).containsExactly(
                "sagemaker-mlops:hosting.monitoring.maxRuntimeMinutes: expected a whole number from 1 to 60, got "
                        + minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml.m5d.large", "ml.g4dn.xlarge", "ml.r5d.2xlarge"})
    void instanceTypesWithLocalStorageAreRefused(String type) {
        assertThat(problems("      instanceType: " + type + "\n")).singleElement().asString()
                .startsWith("sagemaker-mlops:hosting.monitoring.instanceType: expected an instance type without local"
                        + " NVMe storage");
    }

    @Test
    void theBaselineIsItsStatisticsAndConstraintsInOneBucket() {
        MonitoringConfig monitoring = hosting("      statisticsUri: " + BASELINE + "statistics.json\n"
                + "      constraintsUri: " + BASELINE + "constraints.json\n").monitoring();
        assertThat(monitoring.baseline()).contains(new MonitoringConfig.Baseline(BASELINE + "statistics.json",
                BASELINE + "constraints.json"));
        assertThat(monitoring.baseline().orElseThrow().bucket()).isEqualTo("models-bucket");

        assertThat(problems("      statisticsUri: " + BASELINE + "statistics.json\n")).containsExactly(
                "sagemaker-mlops:hosting.monitoring.constraintsUri: is required with statisticsUri: a baseline is its"
                        + " statistics and its constraints");
        assertThat(problems("      statisticsUri: " + BASELINE + "constraints.json\n"
                + "      constraintsUri: " + BASELINE + "constraints.json\n")).singleElement().asString()
                .startsWith("sagemaker-mlops:hosting.monitoring.statisticsUri: expected an s3://<bucket>/.../statistics.json");
        assertThat(problems("      statisticsUri: " + BASELINE + "statistics.json\n"
                + "      constraintsUri: s3://another-bucket/baseline/constraints.json\n")).containsExactly(
                "sagemaker-mlops:hosting.monitoring.constraintsUri: expected the bucket of statisticsUri "
                        + "(models-bucket), got another-bucket");
    }

    @Test
    void monitoringCanBeTurnedOffAndUnknownKeysAreRefused() {
        assertThat(hosting("      enabled: false\n").monitoring().enabled()).isEqualTo(Optional.of(false));
        assertThat(problems("      schedul: \"cron(0 * ? * * *)\"\n")).singleElement().asString()
                .startsWith("sagemaker-mlops:hosting.monitoring.schedul:").contains("schedule");
    }
}
