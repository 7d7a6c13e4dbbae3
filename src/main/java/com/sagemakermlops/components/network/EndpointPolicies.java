package com.sagemakermlops.components.network;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;

/**
 * Endpoint policies: what may pass through each VPC endpoint. The SageMaker API endpoint keeps the default policy:
 * Studio, Pipelines and the SDK use hundreds of its actions and the roles (and the permissions boundary) already
 * limit them; an explicit list there would only break features.
 */
final class EndpointPolicies {
    private static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject",
            "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    /** CodeBuild checks the artifact bucket's ACL and location before it downloads a build's source. */
    private static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket", "s3:GetBucketLocation",
            "s3:GetBucketAcl", "s3:ListBucketMultipartUploads");

    private EndpointPolicies() {
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

    /** Endpoint invocations by principals of this account. */
    static List<Statement> sagemakerRuntime(String partition, String region, Output<String> accountId) {
        return List.of(Statement.allow("InvokeEndpointsFromThisAccount", "sagemaker:InvokeEndpoint",
                        "sagemaker:InvokeEndpointAsync", "sagemaker:InvokeEndpointWithResponseStream")
                .principal("AWS", "*")
                .on(Arns.of(partition, "sagemaker", region, "*", "endpoint/*"))
                .when("StringEquals", "aws:PrincipalAccount", accountId));
    }

    /** Role assumption (the deploy roles of the stage accounts) and identity calls, by principals of this account. */
    static List<Statement> sts(Output<String> accountId) {
        return List.of(Statement.allow("AssumeRolesFromThisAccount", "sts:AssumeRole", "sts:TagSession",
                        "sts:SetSourceIdentity", "sts:GetCallerIdentity")
                .principal("AWS", "*")
                .onAnyResourceBecause("roles in the stage accounts are assumed through it; callers are this account's")
                .when("StringEquals", "aws:PrincipalAccount", accountId));
    }
}
