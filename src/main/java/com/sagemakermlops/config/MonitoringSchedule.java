package com.sagemakermlops.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitoring schedule's cron expression, in the only forms SageMaker accepts for a schedule
 * ({@code ScheduleConfig.ScheduleExpression} in the SageMaker API reference and botocore's sagemaker model):
 * hourly {@code cron(0 * ? * * *)}, daily at an hour {@code cron(0 H ? * * *)} and every N hours from an hour
 * {@code cron(0 H/N ? * * *)}, with H from 00 to 23 and N from 01 to 24.
 *
 * @param intervalHours how many hours apart two executions start
 */
public record MonitoringSchedule(String expression, int intervalHours) {
    public static final String HOURLY = "cron(0 * ? * * *)";

    private static final Pattern FORM = Pattern.compile("cron\\(0 (\\*|(\\d{1,2})(?:/(\\d{1,2}))?) \\? \\* \\* \\*\\)");

    /** The schedule {@code expression} stands for, or why SageMaker would refuse it. */
    public static Result parse(String expression) {
        Matcher form = FORM.matcher(expression);
        if (!form.matches()) {
            return Result.refused("expected one of SageMaker's schedule forms: " + HOURLY + " (hourly), cron(0 H ? * * *)"
                    + " (daily at hour H) or cron(0 H/N ? * * *) (every N hours from hour H), got \"" + expression + "\"");
        }
        if (form.group(1).equals("*")) {
            return Result.of(new MonitoringSchedule(expression, 1));
        }
        int hour = Integer.parseInt(form.group(2));
        if (hour > 23) {
            return Result.refused("expected an hour from 00 to 23, got " + form.group(2) + " in \"" + expression + "\"");
        }
        if (form.group(3) == null) {
            return Result.of(new MonitoringSchedule(expression, 24));
        }
        int every = Integer.parseInt(form.group(3));
        if (every < 1 || every > 24) {
            return Result.refused("expected an interval of 01 to 24 hours, got " + form.group(3) + " in \""
                    + expression + "\"");
        }
        return Result.of(new MonitoringSchedule(expression, every));
    }

    /** A parsed schedule, or the reason it is refused. */
    public record Result(Optional<MonitoringSchedule> schedule, Optional<String> problem) {
        static Result of(MonitoringSchedule schedule) {
            return new Result(Optional.of(schedule), Optional.empty());
        }

        static Result refused(String problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }
}
