package com.sagemakermlops.policy.rules;

/** Pulumi AWS type tokens the policies look at. */
public final class Types {
    public static final String KMS_KEY = "aws:kms/key:Key";
    public static final String BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
    public static final String BUCKET_SSE = "aws:s3/bucketServerSideEncryptionConfigurationV2:"
            + "BucketServerSideEncryptionConfigurationV2";
    public static final String BUCKET_PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    public static final String BUCKET_VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public static final String CODEBUILD_PROJECT = "aws:codebuild/project:Project";
    public static final String CODEPIPELINE = "aws:codepipeline/pipeline:Pipeline";
    public static final String CODECOMMIT_REPOSITORY = "aws:codecommit/repository:Repository";
    public static final String CLOUDFORMATION_STACK = "aws:cloudformation/stack:Stack";
    public static final String SM_ENDPOINT_CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    public static final String SM_MODEL = "aws:sagemaker/model:Model";
    public static final String SNS_TOPIC = "aws:sns/topic:Topic";
    public static final String SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
    public static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    public static final String SSM_PARAMETER = "aws:ssm/parameter:Parameter";
    public static final String IAM_ROLE = "aws:iam/role:Role";
    public static final String IAM_POLICY = "aws:iam/policy:Policy";
    public static final String IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    public static final String SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public static final String SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";

    private Types() {
    }
}
