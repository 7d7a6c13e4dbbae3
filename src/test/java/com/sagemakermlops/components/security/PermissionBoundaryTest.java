package com.sagemakermlops.components.security;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.iam.BoundaryDocument;
import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.PhysicalName;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import com.sagemakermlops.components.source.SeededRepository;
import org.junit.jupiter.api.Test;

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
    private static final String OWN_ARN = "arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":policy/"
            + NAMING.physical(PhysicalName.IAM_POLICY, "permission-boundary");
    private static final String CONNECTION = "arn:aws:codestar-connections:us-west-2:" + TestStacks.TOOLING_ACCOUNT
            + ":connection/0123abcd-0123-4567-89ab-0123456789ab";

    private static Recording run(PermissionBoundaryArgs args) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx ->
                ctx.export("policyArn", new PermissionBoundary("boundary", args, ComponentResourceOptions.Empty).policyArn()));
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    /** The boundary's statements as written, before they are compacted into the policy. */
    private static Object written(Optional<String> connection) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> ctx.export("policy", PolicyDocument.of(
                new BoundaryStatements(NAMING, "aws", TestStacks.REGION).all(Output.of(OWN_ARN), connection, false, Optional.empty()))));
        assertThat(recording.errors()).isEmpty();
        return recording.outputs().get("policy");
    }

    private static Recording run() {
        return run(args(new SourceSettings(SourceControl.S3, Optional.empty())));
    }

    private static PermissionBoundaryArgs args(SourceSettings source) {
        return new PermissionBoundaryArgs(NAMING, TAGS, TestStores.TOOLING, source);
    }

    @Test
    void isAValidIamDocumentOfExplicitActionsWithinTheManagedPolicySizeLimit() {
        Recording recording = run();
        RecordedResource policy = only(recording, POLICY);
        String text = String.valueOf(policy.inputValues().get("policy"));
        JsonObject document = json(text);
        assertThat(document.get("Version").getAsString()).isEqualTo("2012-10-17");
        for (var element : document.getAsJsonArray("Statement")) {
            JsonObject st = element.getAsJsonObject();
            assertThat(st.get("Effect").getAsString()).isIn("Allow", "Deny");
            assertThat(st.has("Resource")).as(st.toString()).isTrue();
            assertThat(strings(st, "Action")).allMatch(a -> a.matches("[a-z0-9-]+:[A-Za-z0-9]+"));
        }
        List<String> sids = json(written(Optional.empty())).getAsJsonArray("Statement").asList().stream()
                .map(st -> st.getAsJsonObject().get("Sid").getAsString()).toList();
        assertThat(sids).doesNotHaveDuplicates();
        assertThat(text.replaceAll("\\s", "")).hasSizeLessThanOrEqualTo(ManagedPolicyLimit.CHARACTERS);
        assertThat(recording.outputs().get("policyArn")).isEqualTo(policy.outputValues().get("arn"));
        assertThat(policy.inputValues()).containsEntry("name",
                NAMING.physical(PhysicalName.IAM_POLICY, "permission-boundary"));
    }

    @Test
    void thePolicyIsTheWrittenStatementsCompacted() {
        Recording recording = run();
        assertThat(recording.outputs().get("policyArn")).isEqualTo(OWN_ARN);
        assertThat(only(recording, POLICY).inputValues().get("policy"))
                .isEqualTo(BoundaryDocument.compacted(String.valueOf(written(Optional.empty()))));
    }

    @Test
    void allowsTheServicesThePlatformUsesScopedToThisProduct() {
        Object policy = written(Optional.empty());
        String roles = "arn:aws:iam::*:role/" + NAMING.physicalPrefix(PhysicalName.IAM_ROLE) + "*";
        var passRole = statement(policy, "PassProductRolesToSageMaker");
        assertThat(strings(passRole, "Resource")).containsExactly(roles);
        assertThat(passRole.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("iam:PassedToService")
                .getAsString()).isEqualTo("sagemaker.amazonaws.com");
        // The deploy builds use the secrets key for awskms:// as well as the product key.
        var key = statement(policy, "ProductKey");
        assertThat(strings(key.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals"),
                "kms:ResourceAliases")).containsExactly(NAMING.keyAlias(), NAMING.secretsKeyAlias());
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
    void letsTheDeployBuildsReadThePulumiCloudTokenOnlyWhenTheStackUsesPulumiCloud() {
        String token = "arn:aws:secretsmanager:us-west-2:111111111111:secret:pulumi-token-AbCdEf";
        var source = new SourceSettings(SourceControl.S3, Optional.empty());
        String withToken = String.valueOf(only(run(new PermissionBoundaryArgs(NAMING, TAGS, TestStores.TOOLING, source,
                Optional.of(token))), POLICY).inputValues().get("policy"));
        String without = String.valueOf(only(run(args(source)), POLICY).inputValues().get("policy"));

        assertThat(withToken).contains("secretsmanager:GetSecretValue").contains(token);
        Recording written = TestStacks.run("dev", TestStacks.cloud(), ctx -> ctx.export("policy", PolicyDocument.of(
                new BoundaryStatements(NAMING, "aws", TestStacks.REGION).all(Output.of(OWN_ARN), Optional.empty(),
                        false, Optional.of(token)))));
        var read = statement(written.outputs().get("policy"), "ReadPulumiAccessToken");
        assertThat(read.get("Effect").getAsString()).isEqualTo("Allow");
        assertThat(strings(read, "Action")).containsExactly("secretsmanager:GetSecretValue");
        assertThat(strings(read, "Resource")).containsExactly(token);
        assertThat(withToken.length()).isLessThanOrEqualTo(ManagedPolicyLimit.CHARACTERS);
        assertThat(without).doesNotContain("secretsmanager:GetSecretValue");
        // Pulumi Cloud encrypts the hosting stacks' secrets: there is no secrets key to admit or keep.
        for (String sid : List.of("ProductKey", "DenyKeyDisabling")) {
            assertThat(strings(statement(written.outputs().get("policy"), sid).getAsJsonObject("Condition")
                    .getAsJsonObject("ForAnyValue:StringEquals"), "kms:ResourceAliases")).as(sid)
                    .containsExactly(NAMING.keyAlias());
        }
        assertThat(withToken).doesNotContain(NAMING.secretsKeyAlias());
    }

    @Test
    void buildsAreNamedByTheirResourceTypeWhichIamNeverMatchesWithAWildcard() {
        String projects = NAMING.physicalPrefix(PhysicalName.CODEBUILD) + "*";
        assertThat(strings(statement(written(Optional.empty()), "ProductBuilds"), "Resource")).containsExactly(
                "arn:aws:codebuild:us-west-2:*:project/" + projects);
    }

    @Test
    void deniesUsersKeysBoundaryChangesKeyDisablingAndBucketExposure() {
        Object policy = written(Optional.empty());
        String ownArn = OWN_ARN;
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
        // The hosting stacks' secrets key is kept as the product key is.
        assertThat(strings(key.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals"),
                "kms:ResourceAliases")).containsExactly(NAMING.keyAlias(), NAMING.secretsKeyAlias());
        var aliases = statement(policy, "DenyKeyAliasChange");
        assertThat(strings(aliases, "Action")).containsExactly("kms:CreateAlias", "kms:DeleteAlias",
                "kms:UpdateAlias");
        assertThat(strings(aliases, "Resource")).containsExactly("arn:aws:kms:us-west-2:*:alias/*");

        var buckets = statement(policy, "DenyBucketProtectionChange");
        assertThat(strings(buckets, "Action")).contains("s3:PutBucketPublicAccessBlock", "s3:DeleteBucketPolicy");
        assertThat(strings(buckets, "Resource"))
                .containsExactly("arn:aws:s3:::" + NAMING.physicalPrefix(PhysicalName.S3_BUCKET) + "*");
    }

    @Test
    void grantsTheSourceConnectionOnlyWhenConfigured() {
        Object without = only(run(), POLICY).inputValues().get("policy");
        assertThat(String.valueOf(without)).doesNotContain("UseConnection");
        assertThat(strings(statement(written(Optional.of(CONNECTION)), "UseSourceConnection"), "Resource"))
                .containsExactly(CONNECTION);
    }

    /** With the connection statement the statements as written are longer than IAM accepts; compacted they fit. */
    @Test
    void theBoundaryWithASourceConnectionFitsOnceCompacted() {
        String writtenText = String.valueOf(written(Optional.of(CONNECTION)));
        Recording recording = run(args(new SourceSettings(SourceControl.CODESTAR,
                Optional.of(new CodeStarConnection(CONNECTION, "globalbank", "fraud-ml", "main")))));
        String rendered = String.valueOf(only(recording, POLICY).inputValues().get("policy"));

        assertThat(writtenText.length()).isGreaterThan(ManagedPolicyLimit.CHARACTERS);
        assertThat(rendered).isEqualTo(BoundaryDocument.compacted(writtenText)).contains(CONNECTION);
        assertThat(rendered.length()).isLessThanOrEqualTo(ManagedPolicyLimit.CHARACTERS);
    }

    /** The CloudFormation stack role of a seeded repository is bounded too: the boundary lets it do its work. */
    @Test
    void withSeededRepositoriesTheBoundaryAllowsTheirStackRoleWithinTheProductsRepositoriesAndFits() {
        String without = String.valueOf(only(run(), POLICY).inputValues().get("policy"));
        Recording recording = run(args(new SourceSettings(SourceControl.CODECOMMIT, Optional.empty())));
        String rendered = String.valueOf(only(recording, POLICY).inputValues().get("policy"));

        String repositories = "arn:aws:codecommit:" + TestStacks.REGION + ":*:"
                + NAMING.physicalPrefix(PhysicalName.CODECOMMIT) + "*";
        for (var element : json(rendered).getAsJsonArray("Statement")) {
            JsonObject st = element.getAsJsonObject();
            if (st.get("Action").toString().contains("codecommit:CreateRepository")) {
                assertThat(st.get("Resource").getAsString()).isEqualTo(repositories);
                assertThat(st.get("Effect").getAsString()).isEqualTo("Allow");
            }
        }
        assertThat(rendered).contains(SeededRepository.REPOSITORY_ACTIONS).contains("codecommit:ListRepositories");
        assertThat(rendered.length()).isLessThanOrEqualTo(ManagedPolicyLimit.CHARACTERS);
        assertThat(without).doesNotContain("codecommit:CreateRepository", "codecommit:ListRepositories");
    }

    @Test
    void policyIsParentedAndThePolicyPackFindsNothingBlocking() {
        Recording recording = run();
        assertThat(only(recording, POLICY).parent()).contains(only(recording, PermissionBoundary.TYPE).urn());
        assertThat(EnterpriseFixtures.blockingFindings(recording)).isEmpty();
    }
}
