package com.sagemakermlops.stacks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.sagemakermlops.components.hosting.ToolingFixture;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.sagemakermlops.stacks.PropertyEdits.document;
import static com.sagemakermlops.stacks.PropertyEdits.remove;
import static com.sagemakermlops.stacks.PropertyEdits.set;
import static com.sagemakermlops.stacks.PropertyEdits.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy pack against the real dev and preprod stacks: the recordings pass untouched, and each careless change
 * to one recorded resource is caught by the policy meant for it, as a blocking finding on that resource only.
 */
class InsecureVariantsTest {
    private static List<PolicyResource> dev;
    private static List<PolicyResource> preprod;

    @BeforeAll
    static void record() throws IOException {
        dev = policyResources(TestStacks.run("dev", ToolingStackTest.dev()));
        preprod = policyResources(HostingStackTest.run("preprod", "    modelPackageArn: " + ToolingFixture.PACKAGE_V3));
    }

    static List<PolicyResource> policyResources(Recording recording) {
        assertThat(recording.errors()).isEmpty();
        return recording.resources().stream().map(RecordedResource::toPolicyResource).toList();
    }

    private static List<PolicyFinding> evaluate(List<PolicyResource> resources) {
        return PolicyPack.standard().evaluate(resources, PolicyPackConfig.defaults());
    }

    /**
     * One careless change: the first resource of {@code type} that {@code target} accepts is edited by
     * {@code edit}, and {@code policy} must catch it.
     */
    record Variant(String change, boolean hosting, String type, Predicate<PolicyResource> target,
                   Consumer<Map<String, Object>> edit, String policy) {
        @Override
        public String toString() {
            return change + " -> " + policy;
        }

        List<PolicyResource> stack() {
            return hosting ? preprod : dev;
        }

        PolicyResource original() {
            return stack().stream().filter(r -> r.type().equals(type) && target.test(r)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " to change for: " + change));
        }
    }

    private static Predicate<PolicyResource> any() {
        return r -> true;
    }

    private static Predicate<PolicyResource> mentioning(String text) {
        return r -> String.valueOf(r.properties()).contains(text);
    }

    private static Variant tooling(String change, String type, Consumer<Map<String, Object>> edit, String policy) {
        return new Variant(change, false, type, any(), edit, policy);
    }

    static Stream<Variant> variants() {
        return Stream.of(
                tooling("key rotation off", "aws:kms/key:Key", set("enableKeyRotation", false),
                        "kms-key-rotation-enabled"),
                tooling("bucket encryption switched to AES256",
                        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                        set("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm", "AES256"),
                        "s3-bucket-sse-kms-cmk"),
                tooling("bucket encryption with the AWS-managed key",
                        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                        remove("rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId"),
                        "s3-bucket-sse-kms-cmk"),
                tooling("public access block lets public policies in",
                        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", set("blockPublicPolicy", false),
                        "s3-bucket-public-access-block"),
                tooling("bucket policy without the TLS deny", "aws:s3/bucketPolicy:BucketPolicy",
                        document("policy", InsecureVariantsTest::withoutTlsDeny), "s3-bucket-tls-only"),
                tooling("CodeBuild project without its key", "aws:codebuild/project:Project",
                        remove("encryptionKey"), "codebuild-project-kms-key"),
                tooling("seeded repository's template without its key", "aws:cloudformation/stack:Stack",
                        document("templateBody", template -> {
                            template.getAsJsonObject("Resources").getAsJsonObject("Repository")
                                    .getAsJsonObject("Properties").remove("KmsKeyId");
                            return template;
                        }), "codecommit-repository-kms-key"),
                tooling("pipeline artifact store without its key", "aws:codepipeline/pipeline:Pipeline",
                        remove("artifactStores[0].encryptionKey"), "codepipeline-artifact-store-kms"),
                new Variant("endpoint configuration without its key", true,
                        "aws:sagemaker/endpointConfiguration:EndpointConfiguration", any(), remove("kmsKeyArn"),
                        "sagemaker-endpoint-config-kms"),
                tooling("log group kept 30 days", "aws:cloudwatch/logGroup:LogGroup", set("retentionInDays", 30.0),
                        "log-group-retention"),
                tooling("log group without its key", "aws:cloudwatch/logGroup:LogGroup", remove("kmsKeyId"),
                        "log-group-kms"),
                tooling("role policy allowing s3:*", "aws:iam/rolePolicy:RolePolicy",
                        document("policy", doc -> {
                            JsonObject first = statements(doc).get(0).getAsJsonObject();
                            first.add("Action", new JsonPrimitive("s3:*"));
                            return doc;
                        }), "iam-no-wildcard-actions"),
                trustWithoutConditions("bootstrap deploy role trusted without the external id", "sts:ExternalId",
                        "iam-cross-account-trust-conditioned"),
                trustWithoutConditions("training build role trusted by CodeBuild of any account",
                        "codebuild.amazonaws.com", "iam-service-trust-source-conditioned"),
                trustWithoutConditions("SageMaker execution role trusted by SageMaker of any account",
                        "sagemaker.amazonaws.com", "iam-service-trust-source-conditioned"),
                tooling("SSH from the internet", "aws:ec2/securityGroup:SecurityGroup", ingressFromInternet(22),
                        "sg-no-public-admin-ports"),
                new Variant("PassRole on any role", false, "aws:iam/rolePolicy:RolePolicy", mentioning("iam:PassRole"),
                        document("policy", doc -> {
                            for (var s : statements(doc)) {
                                if (s.getAsJsonObject().toString().contains("iam:PassRole")) {
                                    s.getAsJsonObject().add("Resource", new JsonPrimitive("*"));
                                }
                            }
                            return doc;
                        }), "iam-passrole-restricted"));
    }

    /** The first tooling role mentioning {@code text}, its trust stripped of every condition. */
    private static Variant trustWithoutConditions(String change, String text, String policy) {
        return new Variant(change, false, "aws:iam/role:Role", mentioning(text), document("assumeRolePolicy", doc -> {
            statements(doc).forEach(s -> s.getAsJsonObject().remove("Condition"));
            return doc;
        }), policy);
    }

    private static JsonObject withoutTlsDeny(JsonObject document) {
        JsonArray kept = new JsonArray();
        statements(document).forEach(s -> {
            if (!s.toString().contains("aws:SecureTransport")) {
                kept.add(s);
            }
        });
        assertThat(kept.size()).as("a TLS deny was removed").isLessThan(statements(document).size());
        document.add("Statement", kept);
        return document;
    }

    private static Consumer<Map<String, Object>> ingressFromInternet(int port) {
        return set("ingress[0].cidrBlocks", new ArrayList<>(List.of("0.0.0.0/0")))
                .andThen(set("ingress[0].fromPort", (double) port))
                .andThen(set("ingress[0].toPort", (double) port));
    }

    @Test
    void theRecordedStacksPassUntouched() {
        assertThat(evaluate(dev)).as("only the deliberate, reasoned suppressions").allMatch(PolicyFinding::suppressed);
        assertThat(evaluate(preprod)).allMatch(PolicyFinding::suppressed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachCarelessChangeIsBlockedByItsPolicy(Variant variant) {
        PolicyResource original = variant.original();
        PolicyResource changed = PropertyEdits.edited(original, variant.edit());
        List<PolicyResource> stack = variant.stack().stream().map(r -> r == original ? changed : r).toList();

        assertThat(evaluate(List.of(original))).as("the untouched resource")
                .noneMatch(f -> f.policy().equals(variant.policy()));
        List<PolicyFinding> blocking = evaluate(stack).stream().filter(PolicyFinding::blocking).toList();
        assertThat(blocking).as("blocking findings").isNotEmpty()
                .allSatisfy(f -> assertThat(f.urn()).isEqualTo(original.urn()));
        assertThat(blocking).filteredOn(f -> f.policy().equals(variant.policy())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.level()).isEqualTo(EnforcementLevel.MANDATORY));
    }
}
