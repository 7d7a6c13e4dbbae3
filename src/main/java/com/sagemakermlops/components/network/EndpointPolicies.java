package com.sagemakermlops.components.network;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;

/**
 * Endpoint policies: what may pass through each VPC endpoint. Every interface endpoint serves only principals of
 * this product's accounts ({@code aws:PrincipalAccount}: the tooling account, and the stage accounts whose deploy
 * roles the deploy builds call through it). Data paths (invocations, role assumption, keys, logs, images) are
 * limited to their actions; the control planes the hosting stacks drive through the stage deploy roles (SageMaker,
 * Application Auto Scaling, CloudWatch) keep their whole service there, as those roles' own policies and the stage
 * boundary already list each action.
 */
final class EndpointPolicies {
    private static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    private static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject",
            "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    /** CodeBuild checks the artifact bucket's ACL and location before it downloads a build's source. */
    private static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket", "s3:GetBucketLocation",
            "s3:GetBucketAcl", "s3:ListBucketMultipartUploads");

    /** Where the endpoints are and whom they serve. */
    record Scope(Naming naming, String partition, String region, String accountId, List<String> accounts,
                 java.util.Optional<Output<String>> secretsKeyArn) {

        static Scope of(PrivateNetworkingArgs args) {
            return new Scope(args.product().naming(), args.product().scope().partition(), args.product().scope().region(), args.product().scope().accountId(), args.accounts(),
                    args.secretsKeyArn());
        }

        /** {@code arn:...:<service>:<region>:<account>:<resource>} for each account served. */
        String[] inEachAccount(String service, String region, String resource) {
            return accounts.stream().map(a -> Arns.of(partition, service, region, a, resource)).toArray(String[]::new);
        }
    }

    private EndpointPolicies() {
    }

    /** A statement for principals of the accounts served. */
    private static Statement byOurAccounts(String sid, Scope scope, String... actions) {
        return Statement.allow(sid, actions).principal("AWS", "*")
                .when("StringEquals", PRINCIPAL_ACCOUNT, scope.accounts().toArray(String[]::new));
    }

    /**
     * The S3 gateway: this product's buckets; the {@code sagemaker-*} buckets SageMaker and its SDK use (default
     * bucket, JumpStart and built-in algorithm artifacts); and the regional bucket ECR serves image layers from,
     * which SageMaker needs to pull containers over a private network.
     */
    static List<Statement> s3(Naming naming, String partition, String region) {
        String product = Arns.of(partition, "s3", "", "", naming.physicalPrefix(PhysicalName.S3_BUCKET) + "*");
        String sagemaker = Arns.of(partition, "s3", "", "", "sagemaker-*");
        return List.of(
                objectsAndBuckets("ProductBuckets", product),
                objectsAndBuckets("SageMakerBuckets", sagemaker),
                Statement.allow("EcrImageLayers", "s3:GetObject")
                        .principal("AWS", "*")
                        .on(Arns.of(partition, "s3", "", "", "prod-" + region + "-starport-layer-bucket/*")));
    }

    private static Statement objectsAndBuckets(String sid, String bucketPattern) {
        List<String> actions = new ArrayList<>(OBJECT_ACTIONS);
        actions.addAll(BUCKET_ACTIONS);
        return Statement.allow(sid, actions.toArray(String[]::new))
                .principal("AWS", "*")
                .on(bucketPattern, bucketPattern + "/*");
    }

    /** https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html#api-private-link-policy */
    static List<Statement> sagemakerApi(Scope scope) {
        return List.of(byOurAccounts("SageMakerApiOfOurAccounts", scope, "sagemaker:*")
                .onAnyResourceBecause("the roles' own policies name the resources; this endpoint limits the callers"));
    }

    /** Endpoint invocations, on endpoints of the accounts served (the same page as the API's). */
    static List<Statement> sagemakerRuntime(Scope scope) {
        return List.of(byOurAccounts("InvokeEndpointsOfOurAccounts", scope, "sagemaker:InvokeEndpoint",
                "sagemaker:InvokeEndpointAsync", "sagemaker:InvokeEndpointWithResponseStream")
                .on(scope.inEachAccount("sagemaker", scope.region(), "endpoint/*")));
    }

    /**
     * Assuming roles of the accounts served, and the caller's identity
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html).
     */
    static List<Statement> sts(Scope scope) {
        return List.of(
                byOurAccounts("AssumeRolesOfOurAccounts", scope, "sts:AssumeRole", "sts:TagSession",
                        "sts:SetSourceIdentity").on(scope.inEachAccount("iam", "", "role/*")),
                byOurAccounts("CallerIdentity", scope, "sts:GetCallerIdentity")
                        .onAnyResourceBecause("GetCallerIdentity has no resource"));
    }

    /**
     * The secrets key, for the two calls Pulumi's awskms:// provider makes, by this account's principals (the deploy
     * builds and the operators): https://docs.aws.amazon.com/kms/latest/developerguide/kms-vpc-endpoint.html
     */
    static List<Statement> kms(Scope scope) {
        return List.of(Statement.allow("SecretsKeyOfTheHostingStacks", "kms:Encrypt", "kms:Decrypt")
                .principal("AWS", "*").on(scope.secretsKeyArn().orElseThrow())
                .when("StringEquals", PRINCIPAL_ACCOUNT, scope.accountId()));
    }

    /**
     * Log streams of this account's log groups
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html).
     */
    static List<Statement> logs(Scope scope) {
        return List.of(Statement.allow("WriteLogsOfThisAccount", "logs:CreateLogGroup", "logs:CreateLogStream",
                        "logs:PutLogEvents", "logs:DescribeLogStreams")
                .principal("AWS", "*")
                .on(Arns.of(scope.partition(), "logs", scope.region(), scope.accountId(), "log-group:*"))
                .when("StringEquals", PRINCIPAL_ACCOUNT, scope.accountId()));
    }

    /**
     * Image pulls, for both ECR endpoints
     * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-vpc-endpoint-policy).
     */
    static List<Statement> ecr(Scope scope) {
        return List.of(
                byOurAccounts("PullImages", scope, "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchCheckLayerAvailability")
                        .on(Arns.of(scope.partition(), "ecr", scope.region(), "*", "repository/*")),
                byOurAccounts("RegistryToken", scope, "ecr:GetAuthorizationToken")
                        .onAnyResourceBecause("an ECR authorization token is not tied to a repository"));
    }

    /** https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-vpc-endpoints.html */
    static List<Statement> applicationAutoScaling(Scope scope) {
        return List.of(byOurAccounts("ScalingOfOurAccounts", scope, "application-autoscaling:*")
                .onAnyResourceBecause("the stage deploy roles' policies name the scalable targets"));
    }

    /** https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-interface-VPC.html */
    static List<Statement> cloudWatch(Scope scope) {
        return List.of(byOurAccounts("CloudWatchOfOurAccounts", scope, "cloudwatch:*")
                .onAnyResourceBecause("the stage deploy roles' policies name the alarms"));
    }
}
