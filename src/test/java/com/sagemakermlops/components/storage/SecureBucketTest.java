package com.sagemakermlops.components.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecureBucketTest {
    private static final String KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd";
    private static final String BUCKET = "fraud-data";
    private static final Tags TAGS = Tags.of("fraud", "starter", "tooling", "fraud", Optional.empty(),
            Optional.empty());
    private static Recording recording;

    @BeforeAll
    static void run() {
        recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            SecureBucket bucket = new SecureBucket("data", new SecureBucket.Args(BUCKET, Output.of(KEY_ARN), TAGS,
                    arn -> List.of(Statement.allow("ReadByPartner", "s3:GetObject")
                            .principal("AWS", "arn:aws:iam::444455556666:root")
                            .on(arn.applyValue(a -> a + "/shared/*")))), null);
            new Parameter("bucket-name", ParameterArgs.builder().type("String").value(bucket.name()).build());
            new Parameter("bucket-arn", ParameterArgs.builder().type("String").value(bucket.arn()).build());
        });
        assertThat(recording.errors()).isEmpty();
    }

    @Test
    void bucketIsEncryptedWithTheKeyVersionedPrivateAndOwnerEnforced() {
        assertThat(inputs("aws:s3/bucketV2:BucketV2")).containsEntry("bucket", BUCKET)
                .containsEntry("forceDestroy", false).containsEntry("tags", TAGS.asMap());
        assertThat(inputs("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"))
                .containsEntry("bucket", BUCKET).containsEntry("rules", List.of(Map.of(
                        "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId",
                                KEY_ARN),
                        "bucketKeyEnabled", true)));
        assertThat(inputs("aws:s3/bucketVersioningV2:BucketVersioningV2"))
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"))
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(inputs("aws:s3/bucketOwnershipControls:BucketOwnershipControls"))
                .containsEntry("rule", Map.of("objectOwnership", "BucketOwnerEnforced"));
    }

    @Test
    void policyDeniesInsecureTransportFirstThenHoldsTheCallersStatements() {
        var statements = JsonParser.parseString(String.valueOf(inputs("aws:s3/bucketPolicy:BucketPolicy")
                .get("policy"))).getAsJsonObject().getAsJsonArray("Statement");

        assertThat(statements).hasSize(2);
        JsonObject tls = statements.get(0).getAsJsonObject();
        assertThat(tls.get("Sid").getAsString()).isEqualTo("DenyInsecureTransport");
        assertThat(tls.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(tls.get("Resource").toString())
                .isEqualTo("[\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET + "/*\"]");
        assertThat(tls.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString())
                .isEqualTo("false");
        JsonObject extra = statements.get(1).getAsJsonObject();
        assertThat(extra.get("Sid").getAsString()).isEqualTo("ReadByPartner");
        assertThat(extra.get("Resource").getAsString()).isEqualTo("arn:aws:s3:::" + BUCKET + "/shared/*");
    }

    @Test
    void policyWaitsForThePublicAccessBlock() {
        assertThat(recording.named("aws:s3/bucketPolicy:BucketPolicy", "data-policy").dependencies())
                .contains(urn("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
    }

    @Test
    void nameAndArnAreHandedOutOnlyOnceEverySettingIsInPlace() {
        List<String> settings = List.of(
                urn("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"),
                urn("aws:s3/bucketVersioningV2:BucketVersioningV2"),
                urn("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
                urn("aws:s3/bucketOwnershipControls:BucketOwnershipControls"),
                urn("aws:s3/bucketPolicy:BucketPolicy"));
        RecordedResource name = recording.named("aws:ssm/parameter:Parameter", "bucket-name");
        RecordedResource arn = recording.named("aws:ssm/parameter:Parameter", "bucket-arn");

        assertThat(name.inputValues()).containsEntry("value", BUCKET);
        assertThat(arn.inputValues()).containsEntry("value", "arn:aws:s3:::" + BUCKET);
        assertThat(name.dependencies()).containsAll(settings);
        assertThat(arn.dependencies()).containsAll(settings);
    }

    @Test
    void theBucketAndItsSettingsAreChildrenOfTheComponentAndNoMandatoryPolicyFails() {
        String component = recording.named(SecureBucket.TYPE, "data").urn();
        assertThat(recording.resources()).filteredOn(r -> r.type().startsWith("aws:s3/"))
                .allSatisfy(r -> assertThat(r.parent()).contains(component))
                .allSatisfy(r -> assertThat(r.options().retainOnDelete()).isFalse())
                .extracting(RecordedResource::name).containsExactlyInAnyOrder("data", "data-encryption",
                        "data-versioning", "data-public-access", "data-ownership", "data-policy");
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(recording.resources().stream()
                .map(RecordedResource::toPolicyResource).toList(), PolicyPackConfig.defaults());
        assertThat(findings).filteredOn(PolicyFinding::blocking).extracting(PolicyFinding::format).isEmpty();
    }

    @Test
    void aRetainedBucketKeepsEverySettingThatProtectsIt() {
        Recording retained = TestStacks.run("dev", TestStacks.cloud(), ctx -> new SecureBucket("data",
                new SecureBucket.Args(BUCKET, Output.of(KEY_ARN), TAGS, arn -> List.of(), true), null));
        assertThat(retained.resources()).filteredOn(r -> r.type().startsWith("aws:s3/")).hasSize(6)
                .allSatisfy(r -> assertThat(r.options().retainOnDelete()).as(r.name()).isTrue());
    }

    /** The one resource of this type: the bucket or one of its settings. */
    private static RecordedResource only(String type) {
        assertThat(recording.ofType(type)).hasSize(1);
        return recording.ofType(type).get(0);
    }

    private static Map<String, Object> inputs(String type) {
        return only(type).inputValues();
    }

    private static String urn(String type) {
        return only(type).urn();
    }
}
