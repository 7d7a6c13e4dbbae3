package com.sagemakermlops.engine;

import java.util.Locale;
import java.util.Map;

/** The ids, ARNs and computed attributes AWS gives each resource type this program creates. */
final class AwsShapes {
    private AwsShapes() {
    }

    /** Adds the computed outputs of a {@code type} resource to {@code state}; returns its id. */
    static String fill(String type, String logicalName, Map<String, Object> state, FakeCloud.Account at) {
        String p = at.partition();
        String r = at.region();
        String a = at.accountId();
        String name = physicalName(type, logicalName, state);
        String arnPrefix = "arn:" + p + ":";
        String regional = ":" + r + ":" + a + ":";
        switch (type) {
            case "aws:kms/key:Key" -> {
                String keyId = FakeCloud.uuid(logicalName);
                state.put("keyId", keyId);
                state.put("arn", arnPrefix + "kms" + regional + "key/" + keyId);
                return keyId;
            }
            case "aws:kms/alias:Alias" -> {
                state.put("arn", arnPrefix + "kms" + regional + name);
                state.put("targetKeyArn", arnPrefix + "kms" + regional + "key/" + FakeCloud.uuid(name));
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
            case "aws:sagemaker/modelPackageGroup:ModelPackageGroup" -> {
                state.put("arn", arnPrefix + "sagemaker" + regional + "model-package-group/" + name.toLowerCase(Locale.ROOT));
                return name;
            }
            case "aws:codecommit/repository:Repository", "aws-native:codecommit:Repository" -> {
                state.put("arn", arnPrefix + "codecommit" + regional + name);
                state.put("repositoryId", FakeCloud.uuid(name));
                state.put("cloneUrlHttp", "https://git-codecommit." + r + ".amazonaws.com/v1/repos/" + name);
                state.put("cloneUrlSsh", "ssh://git-codecommit." + r + ".amazonaws.com/v1/repos/" + name);
                if (type.startsWith("aws-native:")) {
                    state.put("awsId", state.get("repositoryId"));
                    state.put("name", name);
                }
                return name;
            }
            case "aws:codebuild/project:Project" -> {
                state.put("arn", arnPrefix + "codebuild" + regional + "project/" + name);
                return name;
            }
            case "aws:codepipeline/pipeline:Pipeline" -> {
                state.put("arn", arnPrefix + "codepipeline" + regional + name);
                return name;
            }
            case "aws:cloudwatch/eventRule:EventRule" -> {
                state.put("arn", arnPrefix + "events" + regional + "rule/" + name);
                return name;
            }
            case "aws:ssm/parameter:Parameter" -> {
                state.put("arn", arnPrefix + "ssm" + regional + "parameter" + name);
                return name;
            }
            case "aws:sns/topic:Topic" -> {
                String arn = arnPrefix + "sns" + regional + name;
                state.put("arn", arn);
                return arn;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                state.put("arn", arnPrefix + "logs" + regional + "log-group:" + name);
                return name;
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                state.put("arn", arnPrefix + "cloudwatch" + regional + "alarm:" + name);
                return name;
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> {
                state.put("dashboardArn", arnPrefix + "cloudwatch::" + a + ":dashboard/" + name);
                return name;
            }
            case "aws:sagemaker/model:Model" -> {
                state.put("arn", arnPrefix + "sagemaker" + regional + "model/" + name.toLowerCase(Locale.ROOT));
                return name;
            }
            case "aws:sagemaker/endpointConfiguration:EndpointConfiguration" -> {
                state.put("arn", arnPrefix + "sagemaker" + regional + "endpoint-config/" + name.toLowerCase(Locale.ROOT));
                return name;
            }
            case "aws:sagemaker/endpoint:Endpoint" -> {
                state.put("arn", arnPrefix + "sagemaker" + regional + "endpoint/" + name.toLowerCase(Locale.ROOT));
                return name;
            }
            case "aws:cloudtrail/trail:Trail" -> {
                state.put("arn", arnPrefix + "cloudtrail" + regional + "trail/" + name);
                return name;
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                String id = "sg-" + FakeCloud.hex(logicalName, 17);
                state.put("arn", arnPrefix + "ec2" + regional + "security-group/" + id);
                return id;
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                String id = "vpce-" + FakeCloud.hex(logicalName, 17);
                state.put("arn", arnPrefix + "ec2" + regional + "vpc-endpoint/" + id);
                return id;
            }
            default -> {
                String service = type.substring(type.indexOf(':') + 1, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                state.putIfAbsent("arn", arnPrefix + service + regional + name);
                return name;
            }
        }
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
        if (type.equals("aws:iam/role:Role") || type.equals("aws:iam/policy:Policy")) {
            state.put("name", auto);
        }
        return auto;
    }
}
