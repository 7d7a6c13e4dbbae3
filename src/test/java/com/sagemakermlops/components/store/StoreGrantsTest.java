package com.sagemakermlops.components.store;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each grant of the store: the statements of the grantee's own policy, and what the key policy says of the grantee.
 * The key policy always begins with the account's administration and its use through S3 and CodeCommit, then the
 * share with the preprod account; the statements after those are the grants'.
 */
class StoreGrantsTest {
    private static final Naming NAMING = new Naming(new Product("acme", "dev", "c001", "churn"), TestStacks.REGION);
    private static final String BUCKET = "arn:aws:s3:::" + NAMING.productName() + "-models";
    private static final String ROLE = "arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/churn-builder";
    private static final Output<String> ROLE_ARN = Output.of(ROLE);
    private static final Grantee BUILDER = Grantee.role("Builder", ROLE_ARN);
    private static final Grantee STAGE_ROLE = Grantee.stageRole("HostingRole", Stage.PREPROD,
            TestStacks.PREPROD_ACCOUNT);
    private static final Map<String, Object> KEY_USE_BY_BUILDER = Map.of("Sid", "KeyUseByBuilder", "Effect", "Allow",
            "Principal", Map.of("AWS", ROLE), "Action", List.of(KeyGrants.USE), "Resource", "*");

    /** The grantee's own statements, and the key policy's statements after the store's own and its share's. */
    private record Granted(List<Map<String, Object>> identity, List<Map<String, Object>> keyPolicyGrants) {
    }

    private static Granted grant(Function<ModelStoreRef, StoreAccess> grants) {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING)
                        .targetAccounts(Map.of(Stage.PREPROD, TestStacks.PREPROD_ACCOUNT)).build(),
                (ctx, store) -> ctx.export("identity", PolicyDocument.of(grants.apply(store).statements())));
        assertThat(recording.errors()).isEmpty();
        List<Map<String, Object>> keyPolicy = statements(recording.named("aws:kms/key:Key", "store-key")
                .inputValues().get("policy"));
        assertThat(keyPolicy).extracting(s -> s.get("Sid")).startsWith("KeyAdministrationByAccount",
                "KeyUseThroughS3AndCodeCommitInAccount", "KeyDecryptOfModelArtifactsByTargetAccounts",
                "KeyGrantsForEndpointsInTargetAccounts");
        return new Granted(statements(recording.outputs().get("identity")), keyPolicy.subList(4, keyPolicy.size()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object policy) {
        return (List<Map<String, Object>>) new Gson().fromJson(String.valueOf(policy), Map.class).get("Statement");
    }

    /** An object grant: how it is declared, the Sid and actions it makes. */
    private record ObjectGrant(String kind, Function<ModelStoreRef, StoreAccess> grant, String sid, Object actions) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static List<ObjectGrant> objectGrants() {
        return List.of(
                new ObjectGrant("read", store -> store.grantRead(BUILDER, "Data", "data/"), "ReadData",
                        "s3:GetObject"),
                new ObjectGrant("read with versions", store -> store.grantReadVersions(BUILDER, "Data", "data/"),
                        "ReadData", List.of("s3:GetObject", "s3:GetObjectVersion")),
                new ObjectGrant("write", store -> store.grantWrite(BUILDER, "Data", "data/"), "WriteData",
                        "s3:PutObject"),
                new ObjectGrant("read and write", store -> store.grantReadWrite(BUILDER, "Data", "data/"),
                        "ReadWriteData", List.of("s3:GetObject", "s3:PutObject")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectGrants")
    void anObjectGrantNamesTheFoldersObjectsAndTheKeyPolicyNamesTheRole(ObjectGrant objectGrant) {
        Granted granted = grant(objectGrant.grant());
        assertThat(granted.identity()).containsExactly(Map.of("Sid", objectGrant.sid(), "Effect", "Allow",
                "Action", objectGrant.actions(), "Resource", BUCKET + "/data/*"));
        assertThat(granted.keyPolicyGrants()).containsExactly(KEY_USE_BY_BUILDER);
    }

    @Test
    void listGrantsTheBucketsKeysUnderThePrefixOnlyAndNeedsNoKey() {
        Granted granted = grant(store -> store.grantList(BUILDER, "Data", "data/"));
        assertThat(granted.identity()).containsExactly(Map.of("Sid", "ListData", "Effect", "Allow",
                "Action", "s3:ListBucket", "Resource", BUCKET,
                "Condition", Map.of("StringLike", Map.of("s3:prefix", "data/*"))));
        assertThat(granted.keyPolicyGrants()).isEmpty();
    }

    @Test
    void bucketLookupGrantsTheBucketsSettingsAndNeedsNoKey() {
        Granted granted = grant(store -> store.grantBucketLookup(BUILDER, "ArtifactBucket", "s3:GetBucketAcl",
                "s3:GetBucketLocation"));
        assertThat(granted.identity()).containsExactly(Map.of("Sid", "LocateArtifactBucket", "Effect", "Allow",
                "Action", List.of("s3:GetBucketAcl", "s3:GetBucketLocation"), "Resource", BUCKET));
        assertThat(granted.keyPolicyGrants()).isEmpty();
    }

    @Test
    void aBucketLookupIsOnlyOfTheBucketsSettings() {
        AtomicReference<ModelStoreRef> ref = new AtomicReference<>();
        TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING).build(), (ctx, store) -> ref.set(store));
        assertThatThrownBy(() -> ref.get().grantBucketLookup(BUILDER, "Bucket", "s3:DeleteBucket"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3:DeleteBucket");
        assertThatThrownBy(() -> ref.get().grantRead(BUILDER, "Everything", "*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no wildcard");
    }

    @Test
    void keyForAwsResourcesOfARoleOfTheAccountIsAKeyPolicyGrantForAwsResourcesOnly() {
        Granted granted = grant(store -> store.grantKeyForAwsResources(BUILDER));
        assertThat(granted.identity()).isEmpty();
        assertThat(granted.keyPolicyGrants()).containsExactly(Map.of("Sid", "KeyGrantsForAwsResourcesByBuilder",
                "Effect", "Allow", "Principal", Map.of("AWS", ROLE), "Action", "kms:CreateGrant", "Resource", "*",
                "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))));
    }

    @Test
    void aStageRoleNamesTheKeyInItsOwnPolicyAndTheKeyPolicyAddsNothing() {
        AtomicReference<String> key = new AtomicReference<>();
        Granted granted = grant(store -> {
            store.keyArn().applyValue(arn -> {
                key.set(arn);
                return arn;
            });
            return store.grantRead(STAGE_ROLE, "ModelArtifacts", "models/")
                    .and(store.grantWrite(STAGE_ROLE, "DataCapture", "data-capture/preprod/"))
                    .and(store.grantKeyForAwsResources(STAGE_ROLE));
        });
        assertThat(granted.identity()).extracting(s -> s.get("Sid")).containsExactly("ReadModelArtifacts",
                "WriteDataCapture", "UseToolingKey", "GrantToolingKeyToSageMaker");
        assertThat(granted.identity().get(2)).isEqualTo(Map.of("Sid", "UseToolingKey", "Effect", "Allow",
                "Action", List.of("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"), "Resource", key.get()));
        assertThat(granted.identity().get(3)).containsEntry("Action", "kms:CreateGrant")
                .containsEntry("Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true")));
        assertThat(granted.keyPolicyGrants()).isEmpty();
    }

    @Test
    void aRoleGrantedTwiceGetsOneStatementInItsPolicyAndOneInTheKeyPolicy() {
        Granted granted = grant(store -> store.grantRead(BUILDER, "Data", "data/")
                .and(store.grantRead(BUILDER, "Data", "data/"))
                .and(store.grantWrite(BUILDER, "Data", "data/"))
                .and(store.grantWrite(BUILDER, "Reports", "reports/")));
        assertThat(granted.identity()).containsExactly(
                Map.of("Sid", "ReadWriteData", "Effect", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject"),
                        "Resource", BUCKET + "/data/*"),
                Map.of("Sid", "WriteReports", "Effect", "Allow", "Action", "s3:PutObject",
                        "Resource", BUCKET + "/reports/*"));
        assertThat(granted.keyPolicyGrants()).containsExactly(KEY_USE_BY_BUILDER);
    }

    @Test
    void twoRolesOfOneNameAreRefused() {
        Grantee other = Grantee.role("Builder", Output.of(ROLE + "-2"));
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING).build(),
                (ctx, store) -> {
                    store.grantRead(BUILDER, "Data", "data/");
                    store.grantRead(other, "Data", "data/");
                });
        assertThat(recording.errors()).anySatisfy(error -> assertThat(String.valueOf(error))
                .contains("already grants a role named Builder"));
    }

    @Test
    void aStageRoleOfAnAccountTheStoreDoesNotShareWithIsRefused() {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING)
                        .targetAccounts(Map.of(Stage.PREPROD, TestStacks.PREPROD_ACCOUNT)).build(),
                (ctx, store) -> store.grantRead(Grantee.stageRole("ExecutionRole", Stage.PROD,
                        TestStacks.PROD_ACCOUNT), "ModelArtifacts", "models/"));
        assertThat(recording.errors()).anySatisfy(error -> assertThat(String.valueOf(error)).contains(
                "the store shares nothing with account " + TestStacks.PROD_ACCOUNT + " of the prod stage",
                "ModelStoreArgs.targetAccounts"));
        Recording otherAccount = TestStores.run("dev", TestStacks.cloud(), TestStores.args(NAMING)
                        .targetAccounts(Map.of(Stage.PREPROD, TestStacks.PREPROD_ACCOUNT)).build(),
                (ctx, store) -> store.grantKeyForAwsResources(Grantee.stageRole("DeployRole", Stage.PREPROD,
                        TestStacks.PROD_ACCOUNT)));
        assertThat(otherAccount.errors()).anySatisfy(error -> assertThat(String.valueOf(error)).contains(
                "shares nothing with account " + TestStacks.PROD_ACCOUNT + " of the preprod stage"));
    }

    @Test
    void aGranteesNameIsLettersAndDigits() {
        assertThatThrownBy(() -> Grantee.role("build-role", ROLE_ARN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters and digits");
    }
}
