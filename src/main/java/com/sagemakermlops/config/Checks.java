package com.sagemakermlops.config;

import com.sagemakermlops.policy.iam.ArnText;
import software.amazon.awssdk.arns.Arn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shape checks for the values AWS will later reject. Each returns what was expected when the value does not fit.
 */
public final class Checks {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile(
            "(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso|-isob)?-(north|south|east|west|central|"
                    + "northeast|northwest|southeast|southwest)-\\d");
    private static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern ROUTE_TABLE_ID = Pattern.compile("rtb-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SSM_PATH = Pattern.compile("/[a-zA-Z0-9_.\\-/]{1,1010}");
    private static final Pattern SAGEMAKER_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern DOMAIN_ID = Pattern.compile("d-[a-z0-9]{1,63}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}");

    /** A named check: returns the expectation when the value fails. */
    @FunctionalInterface
    public interface Check {
        Optional<String> expectation(String value);
    }

    private Checks() {
    }

    static Check matching(Pattern pattern, String expectation) {
        return value -> pattern.matcher(value).matches() ? Optional.empty() : Optional.of(expectation);
    }

    public static final Check ACCOUNT = matching(ACCOUNT_ID, "12 digits");
    public static final Check AWS_REGION = matching(REGION, "an AWS region such as us-east-1");
    public static final Check VPC = matching(VPC_ID, "a VPC id such as vpc-0a1b2c3d4e5f67890");
    public static final Check SUBNET = matching(SUBNET_ID, "a subnet id such as subnet-0a1b2c3d4e5f67890");
    public static final Check SECURITY_GROUP = matching(SECURITY_GROUP_ID, "a security group id such as sg-0a1b2c3d4e5f67890");
    public static final Check ROUTE_TABLE = matching(ROUTE_TABLE_ID, "a route table id such as rtb-0a1b2c3d4e5f67890");
    public static final Check PARAMETER_PATH = matching(SSM_PATH, "an SSM parameter path such as /network/vpc-id");
    public static final Check EXTERNAL = matching(EXTERNAL_ID, "2 to 1224 characters of letters, digits and +=,.@:/-_");
    public static final Check SAGEMAKER_DOMAIN = matching(DOMAIN_ID, "a SageMaker domain id such as d-abc123def456");
    public static final Check ML_INSTANCE = matching(INSTANCE_TYPE, "a SageMaker instance type such as ml.m5.large");
    public static final Check EMAIL_ADDRESS = matching(EMAIL, "an email address");

    /** A SageMaker resource name (project, model package group): alphanumerics and hyphens, at most {@code max}. */
    public static Check sagemakerName(int max) {
        return value -> value.length() <= max && SAGEMAKER_NAME.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("1 to " + max + " letters, digits and hyphens, starting and ending with a letter or digit");
    }

    public static final Check BUCKET = value -> BUCKET_NAME.matcher(value).matches() && !value.contains("..")
            ? Optional.empty()
            : Optional.of("an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens");

    /** A part of the product name: lowercase letters, digits and inner hyphens, at most {@code max}. */
    public static Check namePart(int max) {
        return value -> value.length() <= max && NAME_PART.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("1 to " + max + " lowercase letters, digits and inner hyphens");
    }

    /**
     * An ARN of {@code service} in {@code partition}; {@code resourcePrefix} is the start of the resource part. IAM is
     * a global service: its ARNs have an empty region (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
     */
    public static Check arn(String partition, String service, String resourcePrefix) {
        boolean global = service.equals("iam");
        String expected = "an ARN such as " + exampleArn(partition, service, resourcePrefix);
        return value -> {
            Optional<Arn> arn = parseArn(value);
            if (arn.isEmpty() || !arn.get().service().equals(service)
                    || !arn.get().resourceAsString().startsWith(resourcePrefix)) {
                return Optional.of(expected);
            }
            if (!arn.get().partition().equals(partition)) {
                return Optional.of("an ARN in partition " + partition + " (the stack's region), not "
                        + arn.get().partition());
            }
            if (global != arn.get().region().isEmpty()) {
                return Optional.of((global ? "an ARN with an empty region (IAM is global), such as "
                        : "an ARN with a region, such as ") + exampleArn(partition, service, resourcePrefix));
            }
            return Optional.empty();
        };
    }

    /** An ARN of {@code service} as AWS writes one: a region for regional services, none for IAM. */
    static String exampleArn(String partition, String service, String resourcePrefix) {
        String region = service.equals("iam") ? "" : switch (partition) {
            case "aws-cn" -> "cn-north-1";
            case "aws-us-gov" -> "us-gov-west-1";
            case "aws-iso" -> "us-iso-east-1";
            case "aws-iso-b" -> "us-isob-east-1";
            default -> "us-east-1";
        };
        return "arn:" + partition + ":" + service + ":" + region + ":123456789012:" + resourcePrefix + "...";
    }

    /** The ARN {@code value} is, when it is a well-formed one (see {@link ArnText}) written without spaces around. */
    public static Optional<Arn> parseArn(String value) {
        return value.equals(value.trim()) ? ArnText.parse(value) : Optional.empty();
    }

    /** The partition a region belongs to. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }
}
