package com.sagemakermlops.components.security;

import java.util.List;

/**
 * A CIS AWS Foundations Benchmark alarm over CloudTrail events: the log filter pattern and the metric it counts.
 *
 * @param id         names the filter, metric and alarm ({@code unauthorized-api-calls})
 * @param metricName the CloudWatch metric the filter emits
 */
public record SecurityAlarm(String id, String metricName, String pattern, String description) {
    /** CIS 4.1 / CloudWatch.2. */
    public static final SecurityAlarm UNAUTHORIZED_API_CALLS = new SecurityAlarm("unauthorized-api-calls",
            "UnauthorizedApiCalls",
            "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
            "API calls refused for missing permissions (CIS 4.1)");
    /** CIS 1.7 / 4.3, CloudWatch.1. */
    public static final SecurityAlarm ROOT_ACCOUNT_USAGE = new SecurityAlarm("root-account-usage",
            "RootAccountUsage",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                    + "&& $.eventType != \"AwsServiceEvent\" }",
            "The root user signed in or called an API (CIS 1.7)");

    public static final List<SecurityAlarm> ALL = List.of(UNAUTHORIZED_API_CALLS, ROOT_ACCOUNT_USAGE);

    /** The metric namespace of a product's security metrics. */
    public static String namespace(String productName) {
        return "sagemaker-mlops/" + productName;
    }
}
