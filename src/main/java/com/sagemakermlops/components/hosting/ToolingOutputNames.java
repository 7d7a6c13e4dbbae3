package com.sagemakermlops.components.hosting;

/**
 * The names of the tooling stack's outputs: the tooling stack exports under these names, and hosting stacks read
 * theirs ({@link ToolingOutputs}) through a stack reference. {@link #ENVIRONMENTS} is an object keyed by stage id
 * ({@code preprod}, {@code prod}) whose values carry the keys of {@link StageEnvironment}.
 */
public final class ToolingOutputNames {
    public static final String PRODUCT_NAME = "productName";
    public static final String PARTITION = "partition";
    public static final String TOOLING_ACCOUNT_ID = "toolingAccountId";
    public static final String REGION = "region";
    public static final String KMS_KEY_ARN = "kmsKeyArn";
    public static final String MODEL_BUCKET_NAME = "modelBucketName";
    public static final String MODEL_BUCKET_ARN = "modelBucketArn";
    public static final String MODEL_PACKAGE_GROUP_NAME = "modelPackageGroupName";
    public static final String MODEL_PACKAGE_GROUP_ARN = "modelPackageGroupArn";
    public static final String ENVIRONMENTS = "environments";

    private ToolingOutputNames() {
    }
}
