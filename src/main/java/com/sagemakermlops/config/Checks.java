package com.sagemakermlops.config;

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
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");
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
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");

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

    public static final Check CIDR = value -> IPV4_CIDR.matcher(value).matches() || IPV6_CIDR.matcher(value).matches()
            ? Optional.empty()
            : Optional.of("an IPv4 or IPv6 CIDR block such as 10.0.0.0/16");

    /** An ARN of {@code service} in {@code partition}; {@code resourcePrefix} is the start of the resource part. */
    public static Check arn(String partition, String service, String resourcePrefix) {
        String expected = "an ARN such as arn:" + partition + ":" + service + ":...:" + resourcePrefix + "...";
        return value -> {
            var m = ARN.matcher(value);
            if (!m.matches() || !m.group(2).equals(service) || !m.group(5).startsWith(resourcePrefix)) {
                return Optional.of(expected);
            }
            if (!m.group(1).equals(partition)) {
                return Optional.of("an ARN in partition " + partition + " (the stack's region), not " + m.group(1));
            }
            return Optional.empty();
        };
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
