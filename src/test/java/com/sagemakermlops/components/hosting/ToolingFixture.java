package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.sagemakermlops.config.MonitoringConfig;
import com.sagemakermlops.testing.TestStacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outputs a real tooling stack exports, as hosting stacks read them. */
public final class ToolingFixture {
    public static final String STACK = "organization/sagemaker-mlops/dev";
    public static final String PRODUCT = "globalbank-prod-c001-us-west-2-fraud-detection-ml";
    public static final String KMS_KEY_ARN =
            "arn:aws:kms:us-west-2:" + TestStacks.TOOLING_ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public static final String BUCKET = PRODUCT + "-models";
    public static final String GROUP = PRODUCT + "-registry";
    public static final String GROUP_ARN =
            "arn:aws:sagemaker:us-west-2:" + TestStacks.TOOLING_ACCOUNT + ":model-package-group/" + GROUP;
    public static final String PACKAGE_V3 =
            "arn:aws:sagemaker:us-west-2:" + TestStacks.TOOLING_ACCOUNT + ":model-package/" + GROUP + "/3";
    public static final String PACKAGE_V4 =
            "arn:aws:sagemaker:us-west-2:" + TestStacks.TOOLING_ACCOUNT + ":model-package/" + GROUP + "/4";
    /** The served version's baseline, as the seed pipeline's Baseline step writes it in the tooling bucket. */
    public static final String BASELINE = "s3://" + BUCKET + "/pipelines/" + PRODUCT + "-model-build/q3n8x4v2k7a1/baseline/";
    public static final MonitoringConfig.Baseline BASELINE_FILES = new MonitoringConfig.Baseline(
            BASELINE + "statistics.json", BASELINE + "constraints.json");
    /** The {@code hosting.monitoring} block the deploy build writes, at the indentation of a stack file's hosting keys. */
    public static final String MONITORING_YAML = """
                monitoring:
                  statisticsUri: %sstatistics.json
                  constraintsUri: %sconstraints.json
            """.formatted(BASELINE, BASELINE);
    public static final List<String> PREPROD_SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
    public static final List<String> PREPROD_SECURITY_GROUPS = List.of("sg-0123456789abcdef0");

    private ToolingFixture() {
    }

    /** Monitoring as the defaults make it, with the served version's baseline. */
    public static MonitoringConfig monitoring() {
        var defaults = MonitoringConfig.defaults();
        return new MonitoringConfig(defaults.enabled(), defaults.schedule(), defaults.instanceType(),
                defaults.maxRuntimeMinutes(), java.util.Optional.of(BASELINE_FILES));
    }

    public static StageEnvironment preprod() {
        return new StageEnvironment(TestStacks.PREPROD_ACCOUNT, TestStacks.REGION, java.util.Optional.of(
                "vpc-0a1b2c3d4e5f60718"), PREPROD_SUBNETS, PREPROD_SECURITY_GROUPS,
                role(TestStacks.PREPROD_ACCOUNT, "preprod-deploy"),
                role(TestStacks.PREPROD_ACCOUNT, "preprod-sagemaker-execution"),
                PRODUCT + "-preprod", true, true);
    }

    public static StageEnvironment prod() {
        return new StageEnvironment(TestStacks.PROD_ACCOUNT, TestStacks.REGION, java.util.Optional.empty(), List.of(),
                List.of(), role(TestStacks.PROD_ACCOUNT, "prod-deploy"),
                role(TestStacks.PROD_ACCOUNT, "prod-sagemaker-execution"), "prod-2f9c41d7", true, false);
    }

    /** The tooling stack's outputs, as the engine hands them through a stack reference. */
    public static Map<String, Object> outputs() {
        Map<String, Object> outputs = new LinkedHashMap<>(strings());
        outputs.put(ToolingOutputNames.ENVIRONMENTS, Map.of("preprod", exported(preprod()), "prod", exported(prod())));
        return outputs;
    }

    /** The same outputs as {@link ToolingOutputs}, for components built without a stack reference. */
    public static ToolingOutputs tooling() {
        Map<String, Object> all = outputs();
        return new ToolingOutputs(out(all, ToolingOutputNames.PRODUCT_NAME), out(all, ToolingOutputNames.REGION),
                out(all, ToolingOutputNames.KMS_KEY_ARN), out(all, ToolingOutputNames.MODEL_BUCKET_NAME),
                Output.of(all.get(ToolingOutputNames.ENVIRONMENTS)));
    }

    private static Map<String, Object> strings() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(ToolingOutputNames.PRODUCT_NAME, PRODUCT);
        outputs.put(ToolingOutputNames.PARTITION, "aws");
        outputs.put(ToolingOutputNames.TOOLING_ACCOUNT_ID, TestStacks.TOOLING_ACCOUNT);
        outputs.put(ToolingOutputNames.REGION, TestStacks.REGION);
        outputs.put(ToolingOutputNames.KMS_KEY_ARN, KMS_KEY_ARN);
        outputs.put(ToolingOutputNames.MODEL_BUCKET_NAME, BUCKET);
        outputs.put(ToolingOutputNames.MODEL_BUCKET_ARN, "arn:aws:s3:::" + BUCKET);
        outputs.put(ToolingOutputNames.MODEL_PACKAGE_GROUP_NAME, GROUP);
        outputs.put(ToolingOutputNames.MODEL_PACKAGE_GROUP_ARN, GROUP_ARN);
        return outputs;
    }

    /** An environment entry as the engine returns it: plain maps, lists, strings and booleans. */
    private static Map<String, Object> exported(StageEnvironment e) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(StageEnvironment.ACCOUNT_ID, e.accountId());
        entry.put(StageEnvironment.REGION, e.region());
        e.vpcId().ifPresent(id -> entry.put(StageEnvironment.VPC_ID, id));
        entry.put(StageEnvironment.SUBNET_IDS, e.subnetIds());
        entry.put(StageEnvironment.SECURITY_GROUP_IDS, e.securityGroupIds());
        entry.put(StageEnvironment.DEPLOY_ROLE_ARN, e.deployRoleArn());
        entry.put(StageEnvironment.EXECUTION_ROLE_ARN, e.executionRoleArn());
        entry.put(StageEnvironment.EXTERNAL_ID, e.externalId());
        entry.put(StageEnvironment.ENABLE_NETWORK_ISOLATION, e.enableNetworkIsolation());
        entry.put(StageEnvironment.ENABLE_DATA_CAPTURE, e.enableDataCapture());
        return entry;
    }

    private static String role(String account, String purpose) {
        return "arn:aws:iam::" + account + ":role/" + PRODUCT + "-" + purpose;
    }

    private static Output<String> out(Map<String, Object> outputs, String name) {
        return Output.of(String.valueOf(outputs.get(name)));
    }
}
