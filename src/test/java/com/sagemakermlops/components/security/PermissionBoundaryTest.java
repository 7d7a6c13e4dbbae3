package com.sagemakermlops.components.security;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.PhysicalName;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.sagemakermlops.components.security.EnterpriseFixtures.NAMING;
import static com.sagemakermlops.components.security.EnterpriseFixtures.TAGS;
import static com.sagemakermlops.components.security.EnterpriseFixtures.json;
import static com.sagemakermlops.components.security.EnterpriseFixtures.only;
import static com.sagemakermlops.components.security.EnterpriseFixtures.statement;
import static com.sagemakermlops.components.security.EnterpriseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

class PermissionBoundaryTest {
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String CONNECTION = "arn:aws:codestar-connections:us-west-2:" + TestStacks.TOOLING_ACCOUNT
            + ":connection/0123abcd-0123-4567-89ab-0123456789ab";

    private static Recording run(PermissionBoundaryArgs args) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx ->
                ctx.export("policyArn", new PermissionBoundary("boundary", args, ComponentResourceOptions.Empty).policyArn()));
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    private static Recording run() {
        return run(PermissionBoundaryArgs.of(NAMING, "aws", TestStacks.REGION, TestStacks.TOOLING_ACCOUNT, TAGS));
    }

    @Test
    void isAValidIamDocumentOfExplicitActionsWithinTheManagedPolicySizeLimit() {
        Recording recording = run();
        RecordedResource policy = only(recording, POLICY);
        String text = String.valueOf(policy.inputValues().get("policy"));
        JsonObject document = json(text);
        assertThat(document.get("Version").getAsString()).isEqualTo("2012-10-17");
        List<String> sids = new ArrayList<>();
        for (var element : document.getAsJsonArray("Statement")) {
            JsonObject st = element.getAsJsonObject();
            sids.add(st.get("Sid").getAsString());
            assertThat(st.get("Effect").getAsString()).isIn("Allow", "Deny");
            assertThat(st.has("Resource")).as(st.get("Sid").getAsString()).isTrue();
            assertThat(strings(st, "Action")).allMatch(a -> a.matches("[a-z0-9-]+:[A-Za-z0-9]+"));
        }
        assertThat(sids).doesNotHaveDuplicates();
        assertThat(text.replaceAll("\\s", "")).hasSizeLessThanOrEqualTo(ManagedPolicyLimit.CHARACTERS);
        assertThat(recording.outputs().get("policyArn")).isEqualTo(policy.outputValues().get("arn"));
        assertThat(policy.inputValues()).containsEntry("name",
                NAMING.physical(PhysicalName.IAM_POLICY, "permission-boundary"));
    }

    @Test
    void allowsTheServicesThePlatformUsesScopedToThisProduct() {
        Object policy = only(run(), POLICY).inputValues().get("policy");
        String roles = "arn:aws:iam::*:role/" + NAMING.physicalPrefix(PhysicalName.IAM_ROLE) + "*";
        var passRole = statement(policy, "PassProductRolesToSageMaker");
        assertThat(strings(passRole, "Resource")).containsExactly(roles);
        assertThat(passRole.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("iam:PassedToService")
                .getAsString()).isEqualTo("sagemaker.amazonaws.com");
        var key = statement(policy, "ProductKey");
        assertThat(key.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals")
                .get("kms:ResourceAliases").getAsString()).isEqualTo(NAMING.keyAlias());
        assertThat(strings(statement(policy, "ProductParameters"), "Resource"))
                .containsExactly("arn:aws:ssm:us-west-2:*:parameter/ml/" + NAMING.productName() + "/*");
        List<String> services = json(policy).getAsJsonArray("Statement").asList().stream()
                .flatMap(st -> strings(st.getAsJsonObject(), "Action").stream())
                .map(a -> a.substring(0, a.indexOf(':'))).distinct().toList();
        assertThat(services).contains("sagemaker", "s3", "kms", "logs", "codebuild", "codepipeline", "codecommit",
                "ssm", "sts", "ecr", "cloudwatch", "iam");
        var anyResource = statement(policy, "AccountWideReads");
        assertThat(strings(anyResource, "Resource")).containsExactly("*");
    }

    @Test
    void deniesUsersKeysBoundaryChangesKeyDisablingAndBucketExposure() {
        Recording recording = run();
        Object policy = only(recording, POLICY).inputValues().get("policy");
        String ownArn = String.valueOf(recording.outputs().get("policyArn"));
        String roles = "arn:aws:iam::*:role/" + NAMING.physicalPrefix(PhysicalName.IAM_ROLE) + "*";

        var users = statement(policy, "DenyIamUsersAndKeys");
        assertThat(users.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(strings(users, "Action")).contains("iam:CreateUser", "iam:CreateAccessKey", "iam:AttachUserPolicy");

        var removal = statement(policy, "DenyBoundaryRemoval");
        assertThat(strings(removal, "Action")).containsExactly("iam:DeleteRolePermissionsBoundary");
        assertThat(strings(removal, "Resource")).containsExactly(roles);
        var other = statement(policy, "DenyOtherBoundary");
        assertThat(strings(other, "Action")).contains("iam:PutRolePermissionsBoundary");
        assertThat(other.getAsJsonObject("Condition").getAsJsonObject("StringNotEquals").get("iam:PermissionsBoundary")
                .getAsString()).isEqualTo(ownArn);
        assertThat(strings(statement(policy, "DenyBoundaryChange"), "Resource")).containsExactly(ownArn);

        var key = statement(policy, "DenyKeyDisabling");
        assertThat(key.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(strings(key, "Action")).contains("kms:DisableKey", "kms:ScheduleKeyDeletion");
        assertThat(key.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals")
                .get("kms:ResourceAliases").getAsString()).isEqualTo(NAMING.keyAlias());

        var buckets = statement(policy, "DenyBucketProtectionChange");
        assertThat(strings(buckets, "Action")).contains("s3:PutBucketPublicAccessBlock", "s3:DeleteBucketPolicy");
        assertThat(strings(buckets, "Resource"))
                .containsExactly("arn:aws:s3:::" + NAMING.physicalPrefix(PhysicalName.S3_BUCKET) + "*");
    }

    @Test
    void grantsTheSourceConnectionOnlyWhenConfigured() {
        Object without = only(run(), POLICY).inputValues().get("policy");
        assertThat(String.valueOf(without)).doesNotContain("UseConnection");
        Recording with = TestStacks.run("dev", TestStacks.cloud(), ctx -> ctx.export("policy", PolicyDocument.of(
                new BoundaryStatements(NAMING, "aws", TestStacks.REGION)
                        .all(Output.of("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":policy/boundary"),
                                Optional.of(CONNECTION)))));
        assertThat(with.errors()).isEmpty();
        assertThat(strings(statement(with.outputs().get("policy"), "UseSourceConnection"), "Resource"))
                .containsExactly(CONNECTION);
    }

    /** With the connection statement the boundary is longer than IAM accepts: refused when planned, not applied. */
    @Test
    void aBoundaryLongerThanIamAcceptsIsRefusedWhenPlanned() {
        String failure;
        try {
            failure = String.join("\n", TestStacks.run("dev", TestStacks.cloud(), ctx -> ctx.export("policyArn",
                    new PermissionBoundary("boundary", new PermissionBoundaryArgs(NAMING, "aws", TestStacks.REGION,
                            TestStacks.TOOLING_ACCOUNT, TAGS, Optional.of(CONNECTION)),
                            ComponentResourceOptions.Empty).policyArn())).errors());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            failure = String.valueOf(cause.getMessage());
        }
        assertThat(failure).containsPattern("the permissions boundary has \\d+ characters, more than the "
                + ManagedPolicyLimit.CHARACTERS + " IAM accepts for a managed policy");
    }

    @Test
    void policyIsParentedAndThePolicyPackFindsNothingBlocking() {
        Recording recording = run();
        assertThat(only(recording, POLICY).parent()).contains(only(recording, PermissionBoundary.TYPE).urn());
        assertThat(EnterpriseFixtures.blockingFindings(recording)).isEmpty();
    }
}
