package com.sagemakermlops.components.deploy;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.storage.SecureBucket;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.List;
import java.util.Map;

/**
 * The self-managed Pulumi backend of the hosting stacks: a versioned, private, TLS-only state bucket encrypted with
 * the product key, and a dedicated secrets key (rotated, used by the deploy builds and the operators only) for
 * {@code awskms://}.
 */
public final class StateBackend extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:deploy:StateBackend";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> secretsKeyArn;

    /** The state bucket's physical name. */
    static String bucketName(Naming naming) {
        return naming.physical(PhysicalName.S3_BUCKET, "deploy-state");
    }

    /** {@code s3://<bucket>?region=<region>&awssdk=v2}, the value of {@code pulumi login}. */
    static String backendUrl(String bucketName, String region) {
        return "s3://" + bucketName + "?region=" + region + "&awssdk=v2";
    }

    /** {@code awskms:///<key ARN>?region=<region>}: a key ARN goes in the path, after an empty host. */
    static String secretsProvider(String keyArn, String region) {
        return "awskms:///" + keyArn + "?region=" + region;
    }

    /**
     * @param deployBuildRoleArns the deploy builds' roles, which use the state and the secrets key
     * @param operatorRoleArns    the operators, who use them too
     */
    StateBackend(String name, Naming naming, Tags tags, DeployPolicies.Scope scope,
                 List<Output<String>> deployBuildRoleArns, List<String> operatorRoleArns,
                 ComponentResourceOptions given) {
        super(TYPE, name, given);
        var options = CustomResourceOptions.builder().parent(this).build();
        var bucket = new SecureBucket(name + "-state", new SecureBucket.Args(bucketName(naming), scope.cmkArn(),
                tags, bucketArn -> Operators.stateBucket(operatorRoleArns, bucketArn)),
                ComponentResourceOptions.builder().parent(this).build());
        this.bucketName = bucket.name();
        this.bucketArn = bucket.arn();

        var key = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Encrypts the secrets of the " + naming.productName() + " hosting stacks")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocument.of(DeployPolicies.secretsKeyPolicy(scope, deployBuildRoleArns,
                        operatorRoleArns)))
                .tags(tags.asMap())
                .build(), options);
        new Alias(name + "-secrets-key-alias", AliasArgs.builder()
                .name(naming.secretsKeyAlias())
                .targetKeyId(key.keyId())
                .build(), options);
        this.secretsKeyArn = key.arn();
        registerOutputs(Map.of("bucketName", bucketName, "secretsKeyArn", secretsKeyArn));
    }

    Output<String> bucketName() {
        return bucketName;
    }

    Output<String> bucketArn() {
        return bucketArn;
    }

    Output<String> secretsKeyArn() {
        return secretsKeyArn;
    }
}
