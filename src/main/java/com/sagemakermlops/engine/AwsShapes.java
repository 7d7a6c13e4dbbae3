package com.sagemakermlops.engine;

import java.util.Locale;
import java.util.Map;

/** The ids, ARNs and computed attributes AWS gives each resource type this program creates. */
final class AwsShapes {
    /** Types whose id is their name and whose ARN is {@code arn:<p>:<service>:<region>:<account>:<resource><name>}. */
    private static final Map<String, RegionalArn> NAME_IDENTIFIED = Map.ofEntries(
            Map.entry("aws:sagemaker/modelPackageGroup:ModelPackageGroup",
                    lowercased("sagemaker", "model-package-group/")),
            Map.entry("aws:codebuild/project:Project",
                    named("codebuild", "project/")),
            Map.entry("aws:codepipeline/pipeline:Pipeline",
                    named("codepipeline", "")),
            Map.entry("aws:cloudwatch/eventRule:EventRule",
                    named("events", "rule/")),
            Map.entry("aws:ssm/parameter:Parameter",
                    named("ssm", "parameter")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup",
                    named("logs", "log-group:")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm",
                    named("cloudwatch", "alarm:")),
            Map.entry("aws:sagemaker/model:Model",
                    lowercased("sagemaker", "model/")),
            Map.entry("aws:sagemaker/endpointConfiguration:EndpointConfiguration",
                    lowercased("sagemaker", "endpoint-config/")),
            Map.entry("aws:sagemaker/endpoint:Endpoint",
                    lowercased("sagemaker", "endpoint/")),
            Map.entry("aws:cloudtrail/trail:Trail",
                    named("cloudtrail", "trail/")));

    /** @param lowercase whether the service keeps the name lower-cased in the ARN */
    private record RegionalArn(String service, String resource, boolean lowercase) {
        String arn(FakeCloud.Account at, String name) {
            return regionalArn(at, service, resource + (lowercase ? name.toLowerCase(Locale.ROOT) : name));
        }
    }

    private static RegionalArn named(String service, String resource) {
        return new RegionalArn(service, resource, false);
    }

    private static RegionalArn lowercased(String service, String resource) {
        return new RegionalArn(service, resource, true);
    }

    private AwsShapes() {
    }

    /** Adds the computed outputs of a {@code type} resource to {@code state}; returns its id. */
    static String fill(String type, String logicalName, Map<String, Object> state, FakeCloud.Account at) {
        String p = at.partition();
        String r = at.region();
        String a = at.accountId();
        String name = physicalName(type, logicalName, state);
        String arnPrefix = "arn:" + p + ":";
        RegionalArn nameIdentified = NAME_IDENTIFIED.get(type);
        if (nameIdentified != null) {
            state.put("arn", nameIdentified.arn(at, name));
            return name;
        }
        switch (type) {
            case "aws:kms/key:Key" -> {
                String keyId = FakeCloud.uuid(logicalName);
                state.put("keyId", keyId);
                state.put("arn", regionalArn(at, "kms", "key/" + keyId));
                return keyId;
            }
            case "aws:kms/alias:Alias" -> {
                state.put("arn", regionalArn(at, "kms", name));
                state.put("targetKeyArn", regionalArn(at, "kms", "key/" + FakeCloud.uuid(name)));
                return name;
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                state.put("bucket", name);
                state.put("arn", arnPrefix + "s3:::" + name);
                state.put("bucketDomainName", name + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", name + ".s3." + r + ".amazonaws.com");
                state.put("region", r);
                return name;
            }
            case "aws:s3/bucketObjectv2:BucketObjectv2" -> {
                state.put("versionId", FakeCloud.hex(logicalName + "version", 32));
                state.put("etag", FakeCloud.hex(logicalName + "etag", 32));
                return String.valueOf(state.get("key"));
            }
            case "aws:iam/role:Role" -> {
                state.put("name", name);
                state.put("arn", arnPrefix + "iam::" + a + ":role" + state.getOrDefault("path", "/") + name);
                state.put("uniqueId", "AROA" + FakeCloud.hex(name, 17).toUpperCase(Locale.ROOT));
                return name;
            }
            case "aws:iam/policy:Policy" -> {
                state.put("name", name);
                String arn = arnPrefix + "iam::" + a + ":policy" + state.getOrDefault("path", "/") + name;
                state.put("arn", arn);
                state.put("policyId", "ANPA" + FakeCloud.hex(name, 17).toUpperCase(Locale.ROOT));
                return arn;
            }
            case "aws:codecommit/repository:Repository" -> {
                state.put("arn", regionalArn(at, "codecommit", name));
                state.put("repositoryId", FakeCloud.uuid(name));
                state.put("cloneUrlHttp", "https://git-codecommit." + r + ".amazonaws.com/v1/repos/" + name);
                state.put("cloneUrlSsh", "ssh://git-codecommit." + r + ".amazonaws.com/v1/repos/" + name);
                return name;
            }
            case "aws:cloudformation/stack:Stack" -> {
                String stackId = regionalArn(at, "cloudformation", "stack/" + name + "/" + FakeCloud.uuid(name));
                state.put("outputs", CloudFormationStacks.outputs(String.valueOf(state.get("templateBody")), at));
                return stackId;
            }
            case "aws:sns/topic:Topic" -> {
                String arn = regionalArn(at, "sns", name);
                state.put("arn", arn);
                return arn;
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> {
                state.put("dashboardArn", arnPrefix + "cloudwatch::" + a + ":dashboard/" + name);
                return name;
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                return ec2(state, at, "security-group/", "sg-" + FakeCloud.hex(logicalName, 17));
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                return ec2(state, at, "vpc-endpoint/", "vpce-" + FakeCloud.hex(logicalName, 17));
            }
            default -> {
                String service = type.substring(type.indexOf(':') + 1, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                state.putIfAbsent("arn", regionalArn(at, service, name));
                return name;
            }
        }
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    private static String regionalArn(FakeCloud.Account at, String service, String resource) {
        return "arn:" + at.partition() + ":" + service + ":" + at.region() + ":" + at.accountId() + ":" + resource;
    }

    /** EC2 resources are identified by a generated id, not by name. */
    private static String ec2(Map<String, Object> state, FakeCloud.Account at, String resource, String id) {
        state.put("arn", regionalArn(at, "ec2", resource + id));
        return id;
    }

    /** The name given in the inputs, else Pulumi's auto-name: the logical name and a (here stable) suffix. */
    private static String physicalName(String type, String logicalName, Map<String, Object> state) {
        for (String key : new String[] {"bucket", "name", "modelPackageGroupName", "repositoryName"}) {
            Object value = state.get(key);
            if (value instanceof String s && !s.isEmpty()) {
                return s;
            }
        }
        String suffix = FakeCloud.hex(type + logicalName, 7);
        String auto = logicalName + "-" + suffix;
        if (type.equals("aws:s3/bucketV2:BucketV2")) {
            auto = auto.toLowerCase(Locale.ROOT);
        }
        return auto;
    }
}
