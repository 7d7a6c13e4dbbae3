package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Policy;

import java.util.List;

/** Every policy of the pack, in the order they are listed and evaluated. */
public final class Rules {
    private Rules() {
    }

    public static List<Policy> all() {
        return List.of(
                new KmsKeyRotationEnabled(),
                new KmsKeyPolicyNoWildcardPrincipal(),
                new S3BucketSseKmsCmk(),
                new S3BucketPublicAccessBlock(),
                new S3BucketTlsOnly(),
                new S3BucketVersioningEnabled(),
                new CodeBuildProjectKmsKey(),
                new CodeBuildNoPlaintextCredentials(),
                new CodePipelineArtifactStoreKms(),
                new CodePipelineDistinctArtifactFolders(),
                new CodeCommitRepositoryKmsKey(),
                new SageMakerEndpointConfigKms(),
                new SageMakerDataCaptureKms(),
                new SageMakerModelNetworkIsolation(),
                new SnsTopicKms(),
                new SnsTopicTlsOnly(),
                new LogGroupKms(),
                new LogGroupRetention(),
                new SsmParameterSecureString(),
                new IamNoWildcardActions(),
                new IamNoWildcardResources(),
                new IamNoAdminManagedPolicies(),
                new IamNoAwsManagedPolicies(),
                new IamPassRoleRestricted(),
                new IamCrossAccountTrustConditioned(),
                new IamServiceTrustSourceConditioned(),
                new IamRolePermissionsBoundary(),
                new SgNoPublicAdminPorts(),
                new SgNoPublicIngress(),
                new DescriptionPresent(),
                new S3BucketHasEncryptionConfiguration(),
                new S3BucketHasTlsPolicy(),
                new S3BucketHasPublicAccessBlock(),
                new SuppressionReasonRequired(),
                new SuppressionIdKnown());
    }
}
