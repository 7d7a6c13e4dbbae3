package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.sagemakermlops.testing.TestStacks;

import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.contract.ProductExports;
import com.sagemakermlops.contract.StageExports;
import com.sagemakermlops.contract.StageNetwork;
import com.sagemakermlops.contract.StageRoles;
import com.sagemakermlops.contract.StoreExports;
import com.sagemakermlops.contract.ToolingExports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public static final List<String> PREPROD_SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
    public static final List<String> PREPROD_SECURITY_GROUPS = List.of("sg-0123456789abcdef0");

    private ToolingFixture() {
    }

    public static StageExports preprod() {
        return new StageExports(TestStacks.PREPROD_ACCOUNT, TestStacks.REGION,
                new StageNetwork(Optional.of("vpc-0a1b2c3d4e5f60718"), PREPROD_SUBNETS, PREPROD_SECURITY_GROUPS),
                new StageRoles(role(TestStacks.PREPROD_ACCOUNT, "preprod-deploy"),
                        role(TestStacks.PREPROD_ACCOUNT, "preprod-sagemaker-execution"), PRODUCT + "-preprod"),
                true, true);
    }

    public static StageExports prod() {
        return new StageExports(TestStacks.PROD_ACCOUNT, TestStacks.REGION, StageNetwork.NONE,
                new StageRoles(role(TestStacks.PROD_ACCOUNT, "prod-deploy"),
                        role(TestStacks.PROD_ACCOUNT, "prod-sagemaker-execution"), "prod-2f9c41d7"),
                true, false);
    }

    /** The contract as a tooling stack with both stages exports it. */
    public static ToolingExports tooling() {
        return new ToolingExports(
                new ProductExports(Output.of(PRODUCT), Output.of("aws"), Output.of(TestStacks.TOOLING_ACCOUNT),
                        Output.of(TestStacks.REGION)),
                new StoreExports(Output.of(KMS_KEY_ARN), Output.of(BUCKET), Output.of("arn:aws:s3:::" + BUCKET),
                        Output.of(GROUP), Output.of(GROUP_ARN)),
                Output.of(Map.of(Stage.PREPROD, preprod(), Stage.PROD, prod())));
    }

    /** The tooling stack's outputs, as the engine hands them through a stack reference: plain values. */
    public static Map<String, Object> outputs() {
        return TestStacks.run("dev", TestStacks.cloud(), ctx -> tooling().exportTo(ctx)).outputs();
    }

    private static String role(String account, String purpose) {
        return "arn:aws:iam::" + account + ":role/" + PRODUCT + "-" + purpose;
    }
}
