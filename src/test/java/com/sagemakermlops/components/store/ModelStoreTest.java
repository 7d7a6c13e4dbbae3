package com.sagemakermlops.components.store;

import com.google.gson.Gson;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreTest {
    private static final Naming NAMING = new Naming(new Product("acme", "dev", "c001", "churn"), TestStacks.REGION);
    private static final String KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_TYPE = "aws:kms/key:Key";
    private static final String ROLE = "arn:aws:iam::111122223333:role/churn-reader";

    private static Recording run(ModelStoreArgs args) {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), args, (ctx, store) -> {
        });
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object policy) {
        return (List<Map<String, Object>>) new Gson().fromJson(String.valueOf(policy), Map.class).get("Statement");
    }

    private static List<Object> sids(Object policy) {
        return statements(policy).stream().map(s -> s.get("Sid")).toList();
    }

    @Test
    void keyBucketAndRegistryAreRetainedOnDeleteAndTheRestIsNot() {
        Recording recording = run(TestStores.args(NAMING).build());

        List<RecordedResource> children = recording.resources().stream()
                .filter(r -> TestStores.ofStore(r) && r.custom()).toList();
        assertThat(children).filteredOn(r -> r.options().retainOnDelete()).extracting(RecordedResource::type)
                .containsExactlyInAnyOrder(KEY_TYPE, "aws:sagemaker/modelPackageGroup:ModelPackageGroup",
                        "aws:s3/bucketV2:BucketV2", "aws:s3/bucketPolicy:BucketPolicy",
                        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                        "aws:s3/bucketVersioningV2:BucketVersioningV2",
                        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertThat(children).filteredOn(r -> r.type().equals("aws:kms/alias:Alias"))
                .singleElement().satisfies(alias -> assertThat(alias.options().retainOnDelete()).isFalse());
        assertThat(children).noneMatch(r -> r.options().protect());
        assertThat(recording.named(KEY_TYPE, "store-key").inputValues())
                .containsEntry("deletionWindowInDays", 30.0).containsEntry("enableKeyRotation", true);
        assertThat(recording.named("aws:s3/bucketV2:BucketV2", "store-models").inputValues())
                .containsEntry("forceDestroy", false);
    }

    @Test
    void withoutRetainingNothingIsKept() {
        Recording recording = run(TestStores.args(NAMING).retainOnDelete(false).build());
        assertThat(recording.resources()).noneMatch(r -> r.options().retainOnDelete());
    }

    @Test
    void withoutTargetsNothingIsSharedWithOtherAccounts() {
        Recording recording = run(TestStores.args(NAMING).build());
        assertThat(recording.ofType("aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy")).isEmpty();
        assertThat(sids(recording.named("aws:s3/bucketPolicy:BucketPolicy", "store-models-policy").inputValues()
                .get("policy"))).containsExactly("DenyInsecureTransport");
        assertThat(sids(recording.named(KEY_TYPE, "store-key").inputValues().get("policy")))
                .containsExactly("KeyAdministrationByAccount", "KeyUseThroughS3AndCodeCommitInAccount");
    }

    @Test
    void targetsReadTheModelArtifactsFolderAndWriteTheirOwnCaptureFolderOnly() {
        Recording recording = run(TestStores.args(NAMING).modelArtifactsPrefix("pipelines/churn")
                .targetAccounts(Map.of(Stage.PROD, TestStacks.PROD_ACCOUNT, Stage.PREPROD, TestStacks.PREPROD_ACCOUNT))
                .dataCapture(true).build());
        String bucket = "arn:aws:s3:::" + NAMING.productName() + "-models";
        List<Map<String, Object>> bucketPolicy = statements(recording.named("aws:s3/bucketPolicy:BucketPolicy",
                "store-models-policy").inputValues().get("policy"));
        assertThat(bucketPolicy).extracting(s -> s.get("Sid")).containsExactly("DenyInsecureTransport",
                "ReadModelArtifactsByTargetAccounts", "WriteDataCaptureByPreProd", "WriteDataCaptureByProd",
                "ListDataCaptureByPreProd", "ReadDataCaptureByPreProd", "WriteMonitoringReportsByPreProd",
                "ListDataCaptureByProd", "ReadDataCaptureByProd", "WriteMonitoringReportsByProd");
        assertThat(bucketPolicy.get(1).get("Resource")).isEqualTo(bucket + "/pipelines/churn/*");
        assertThat(bucketPolicy.get(2)).containsEntry("Resource", bucket + "/data-capture/preprod/*")
                .containsEntry("Principal", Map.of("AWS", "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":root"));
        // Each stage's monitoring jobs list and read its own capture and write its own reports, nothing else.
        assertThat(bucketPolicy.get(7)).containsEntry("Action", "s3:ListBucket").containsEntry("Resource", bucket)
                .containsEntry("Principal", Map.of("AWS", "arn:aws:iam::" + TestStacks.PROD_ACCOUNT + ":root"))
                .containsEntry("Condition", Map.of("StringLike", Map.of("s3:prefix", "data-capture/prod/*")));
        assertThat(bucketPolicy.get(8)).containsEntry("Action", "s3:GetObject")
                .containsEntry("Resource", bucket + "/data-capture/prod/*");
        assertThat(bucketPolicy.get(9)).containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", bucket + "/monitoring-reports/prod/*");
        assertThat(recording.named("aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy",
                "store-registry-policy").options().retainOnDelete()).isFalse();
    }

    @Test
    void theKeyPolicyHoldsTheDeclaredGrantsAndWaitsForThePrincipalsTheyName() {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING).build(),
                (ctx, store) -> {
                    var reader = new Role("reader", RoleArgs.builder().assumeRolePolicy("{}").build());
                    store.grantRead(Grantee.role("Reader", reader.arn()), "Models", "models/");
                });
        RecordedResource key = recording.named(KEY_TYPE, "store-key");
        Map<String, Object> grant = statements(key.inputValues().get("policy")).get(2);
        assertThat(grant).containsEntry("Sid", "KeyUseByReader").containsEntry("Resource", "*")
                .containsEntry("Action", List.of(KeyGrants.USE));
        // KMS refuses a key policy naming a principal that does not exist yet: the key depends on the role.
        assertThat(key.dependencies()).contains(recording.named("aws:iam/role:Role", "reader").urn());
    }

    @Test
    void aGrantAfterTheKeyPolicyIsCompleteIsRefused() {
        AtomicReference<ModelStoreRef> ref = new AtomicReference<>();
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING).build(),
                (ctx, store) -> ref.set(store));
        assertThat(recording.errors()).isEmpty();
        assertThatThrownBy(() -> ref.get().grantRead(Grantee.role("Late", Output.of(ROLE)), "Models", "models/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ModelStore.completeKeyPolicy()");
    }

    @Test
    void aBroughtKeyIsUsedAndThePolicyItMustAllowIsPublished() {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            var store = new ModelStore("store", TestStores.args(NAMING).keyArn(KEY).build(), null);
            store.ref().grantRead(Grantee.role("Reader", Output.of(ROLE)), "Models", "models/");
            store.completeKeyPolicy();
            ctx.export("keyPolicy", store.keyPolicy());
        });
        assertThat(recording.errors()).isEmpty();
        assertThat(recording.ofType(KEY_TYPE)).isEmpty();
        assertThat(recording.ofType("aws:kms/alias:Alias")).isEmpty();
        assertThat(String.valueOf(recording.named(
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "store-models-encryption").inputValues().get("rules"))).contains(KEY);
        assertThat(sids(recording.outputs().get("keyPolicy"))).containsExactly("KeyAdministrationByAccount",
                "KeyUseThroughS3AndCodeCommitInAccount", "KeyUseByReader");
    }

    @Test
    void anExistingBucketIsNotCreated() {
        Recording recording = run(TestStores.existing(NAMING, KEY, "churn-data"));
        assertThat(recording.resources()).noneMatch(r -> r.type().startsWith("aws:s3/"));
        assertThat(recording.ofType("aws:sagemaker/modelPackageGroup:ModelPackageGroup")).hasSize(1);
    }

    @Test
    void combinationsTheStoreCannotServeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> TestStores.args(NAMING).existingBucketName("churn-data").build())
                .hasMessageStartingWith("ModelStoreArgs.existingBucketName:").hasMessageContaining("keyArn");
        assertThatThrownBy(() -> TestStores.args(NAMING).keyArn(KEY).existingBucketName("churn-data")
                .targetAccounts(Map.of(Stage.PROD, TestStacks.PROD_ACCOUNT)).build())
                .hasMessageStartingWith("ModelStoreArgs.existingBucketName:").hasMessageContaining("targetAccounts");
        assertThatThrownBy(() -> TestStores.args(NAMING).keyArn(KEY).existingBucketName("churn-data")
                .eventBridgeNotifications(true).build())
                .hasMessageStartingWith("ModelStoreArgs.existingBucketName:")
                .hasMessageContaining("eventBridgeNotifications");
        assertThatThrownBy(() -> ModelStoreArgs.builder().naming(NAMING).scope(TestStores.TOOLING).build())
                .isInstanceOf(MissingRequiredPropertyException.class).hasMessageContaining("tags")
                .hasMessageContaining("ModelStoreArgs");
    }
}
