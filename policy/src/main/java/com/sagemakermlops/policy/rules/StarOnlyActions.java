package com.sagemakermlops.policy.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Actions that support no resource-level permissions, so IAM only accepts {@code "Resource": "*"} for them
 * (per the Service Authorization Reference). Any other action with Resource "*" is a violation of
 * {@code iam-no-wildcard-resources}. Keep this list explicit: no wildcards, one reason per group.
 */
public final class StarOnlyActions {
    public static final Set<String> ACTIONS = Set.of(
            // Registry login: the token is account-wide.
            "ecr:GetAuthorizationToken",
            // Bearer tokens and caller identity are not resources.
            "sts:GetServiceBearerToken", "sts:GetCallerIdentity",
            // Metrics have no ARN.
            "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:ListMetrics",
            "cloudwatch:GetMetricStatistics",
            // Listing log groups is account-wide.
            "logs:DescribeLogGroups",
            // X-Ray tracing.
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets",
            // SageMaker list and search calls (registry, pipelines, endpoints, studio).
            "sagemaker:ListModelPackageGroups", "sagemaker:ListModelPackages", "sagemaker:ListModels",
            "sagemaker:ListEndpoints", "sagemaker:ListEndpointConfigs", "sagemaker:ListTrainingJobs",
            "sagemaker:ListProcessingJobs", "sagemaker:ListPipelines", "sagemaker:ListDomains",
            "sagemaker:ListUserProfiles", "sagemaker:ListProjects", "sagemaker:Search",
            // Networking descriptions SageMaker needs for VPC mode.
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeSubnets",
            "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions", "ec2:DescribeVpcEndpoints",
            "ec2:DescribeRouteTables",
            "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
            "application-autoscaling:DescribeScalingActivities", "application-autoscaling:DescribeScheduledActions",
            "cloudwatch:DescribeAlarms",
            // Account-wide listings.
            "kms:ListAliases", "kms:ListKeys", "s3:ListAllMyBuckets", "iam:ListRoles",
            "codebuild:ListProjects", "codepipeline:ListPipelines", "codecommit:ListRepositories", "sns:ListTopics",
            "tag:GetResources");

    private static final Set<String> LOWER = ACTIONS.stream()
            .map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private StarOnlyActions() {
    }

    /** True when the action (exact name, no wildcards) may be used with Resource "*". */
    public static boolean allows(String action, List<String> extra) {
        String a = action.toLowerCase(Locale.ROOT);
        return LOWER.contains(a) || extra.stream().anyMatch(e -> e.equalsIgnoreCase(action));
    }
}
