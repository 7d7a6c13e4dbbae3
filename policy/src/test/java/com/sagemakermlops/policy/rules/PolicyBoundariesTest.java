package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.iam.PolicyDocument;
import com.sagemakermlops.policy.iam.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.sagemakermlops.policy.Fixtures.U;
import static com.sagemakermlops.policy.Fixtures.doc;
import static com.sagemakermlops.policy.Fixtures.findings;
import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.res;
import static com.sagemakermlops.policy.Fixtures.secret;
import static com.sagemakermlops.policy.Fixtures.withTag;
import static org.assertj.core.api.Assertions.assertThat;

/** The edges of each rule: the last value that passes and the first that fails. */
class PolicyBoundariesTest {
    private static final String ROLE = "arn:aws:iam::111111111111:role/pipeline";

    private static List<String> messages(String policy, PolicyResource... resources) {
        return findings(policy, resources).stream().map(PolicyFinding::message).toList();
    }

    private static List<PolicyFinding> configured(String policy, String config, PolicyResource resource) {
        return PolicyPack.standard().evaluate(List.of(resource), PolicyPackConfig.parse(config)).stream()
                .filter(f -> f.policy().equals(policy)).toList();
    }

    // --- CodeCommit repositories, direct or in a CloudFormation template ------------------------------------------

    private static List<String> stackFindings(String templateBody) {
        return messages("codecommit-repository-kms-key",
                res(Types.CLOUDFORMATION_STACK, "stack", m("templateBody", templateBody)));
    }

    @Test
    void aRepositoryWithoutACustomerManagedKeyIsCaughtInEveryForm() {
        assertThat(messages("codecommit-repository-kms-key", res(Types.CODECOMMIT_REPOSITORY, "repo",
                m("repositoryName", "models")))).containsExactly("kmsKeyId is not set");
        assertThat(messages("codecommit-repository-kms-key", res(Types.CODECOMMIT_REPOSITORY, "repo",
                m("kmsKeyId", "alias/aws/codecommit")))).containsExactly(
                "kmsKeyId is the AWS-managed aws/codecommit key, not a customer-managed key");
        assertThat(messages("codecommit-repository-kms-key", res(Types.CODECOMMIT_REPOSITORY, "repo",
                m("kmsKeyId", PolicyCases.KEY_ARN)))).isEmpty();
        assertThat(stackFindings(PolicyCases.repositoryTemplate(",\"KmsKeyId\":\"alias/aws/codecommit\"")))
                .containsExactly("templateBody Resources.Repo.Properties.KmsKeyId is the AWS-managed "
                        + "aws/codecommit key, not a customer-managed key");
        assertThat(stackFindings(PolicyCases.repositoryTemplate(",\"KmsKeyId\":\" \"")))
                .containsExactly("templateBody Resources.Repo.Properties.KmsKeyId is not set");
    }

    @Test
    void yamlTemplatesAreReadWithTheirShortFormIntrinsics() {
        String keyed = """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Repo:
                    Type: AWS::CodeCommit::Repository
                    Properties:
                      RepositoryName: !Sub "${AWS::StackName}-models"
                      KmsKeyId: !GetAtt Key.Arn
                """;
        assertThat(stackFindings(keyed)).isEmpty();
        assertThat(stackFindings(keyed.replace("      KmsKeyId: !GetAtt Key.Arn\n", "")))
                .containsExactly("templateBody Resources.Repo.Properties.KmsKeyId is not set");
        assertThat(stackFindings(keyed.replace("!GetAtt Key.Arn", "alias/aws/codecommit"))).hasSize(1);
    }

    @Test
    void aTemplateThatCannotBeReadIsNotPassedAndOneWithoutRepositoriesIs() {
        assertThat(stackFindings("{\"Resources\": ")).containsExactly(
                "templateBody is not a JSON or YAML template: its CodeCommit repositories cannot be checked");
        assertThat(stackFindings("Resources: [unclosed")).hasSize(1);
        assertThat(stackFindings("a: &x [1]\nb: *x\nb: 2\n")).hasSize(1);
        assertThat(stackFindings("{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}},\"x\":\""
                + "y".repeat(CloudFormationTemplates.MAX_BODY) + "\"}")).containsExactly("templateBody is longer than "
                + "the 51200 characters CloudFormation accepts: its CodeCommit repositories cannot be checked");
        assertThat(stackFindings("{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}}")).isEmpty();
        assertThat(messages("codecommit-repository-kms-key", res(Types.CLOUDFORMATION_STACK, "stack",
                m("templateUrl", "https://example.com/t.json")))).isEmpty();
    }

    // --- retention -------------------------------------------------------------------------------------------

    private static PolicyResource logGroup(Object days) {
        return res(Types.LOG_GROUP, "logs", m("retentionInDays", days, "kmsKeyId", PolicyCases.KEY_ARN));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "89, 1", "90, 0", "3653, 0"})
    void retentionBelowNinetyDaysIsRefusedAndZeroMeansForever(double days, int expected) {
        assertThat(messages("log-group-retention", logGroup(days))).hasSize(expected);
    }

    @Test
    void retentionMinimumIsConfigurableAndNumbersMayArriveAsText() {
        String config = "{\"log-group-retention\": {\"minimumRetentionDays\": 365}}";
        assertThat(configured("log-group-retention", config, logGroup(364.0))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("retentionInDays is 364, below the minimum of 365"));
        assertThat(configured("log-group-retention", config, logGroup(365.0))).isEmpty();
        assertThat(messages("log-group-retention", logGroup("30"))).containsExactly(
                "retentionInDays is 30, below the minimum of 90");
    }

    // --- ports and CIDRs -------------------------------------------------------------------------------------

    private static PolicyResource group(String protocol, Object from, Object to, String cidr) {
        String key = cidr.contains(":") ? "ipv6CidrBlocks" : "cidrBlocks";
        return res(Types.SECURITY_GROUP, "sg", m("description", "sg",
                "ingress", l(m("protocol", protocol, "fromPort", from, "toPort", to, key, l(cidr)))));
    }

    @ParameterizedTest
    @CsvSource({"21, 21, 0", "22, 22, 1", "23, 3388, 0", "3389, 3389, 1", "3390, 65535, 0", "0, 0, 0",
            "20, 25, 1", "3000, 4000, 1"})
    void adminPortsAreFoundAtTheEdgesOfARange(double from, double to, int expected) {
        assertThat(messages("sg-no-public-admin-ports", group("tcp", from, to, "0.0.0.0/0"))).hasSize(expected);
        assertThat(messages("sg-no-public-admin-ports", group("6", from, to, "::/0"))).hasSize(expected);
        assertThat(messages("sg-no-public-admin-ports", group("tcp", from, to, "10.0.0.0/8"))).isEmpty();
    }

    @Test
    void missingOrNegativePortsMeanEveryPort() {
        assertThat(messages("sg-no-public-admin-ports", group("tcp", -1.0, -1.0, "0.0.0.0/0"))).containsExactly(
                "ingress[0] admits port 22, 3389 (tcp 0-65535) from 0.0.0.0/0");
        assertThat(messages("sg-no-public-admin-ports", group("-1", 0.0, 0.0, "::/0"))).containsExactly(
                "ingress[0] admits port 22, 3389 (all traffic) from ::/0");
        assertThat(messages("sg-no-public-admin-ports", group("icmp", 0.0, 65535.0, "0.0.0.0/0"))).isEmpty();
    }

    @Test
    void onlyListedSinglePortsMayBePublic() {
        String config = "{\"sg-no-public-ingress\": {\"allowedPublicPorts\": [\"443\"]}}";
        assertThat(configured("sg-no-public-ingress", config, group("tcp", 443.0, 443.0, "0.0.0.0/0"))).isEmpty();
        assertThat(configured("sg-no-public-ingress", config, group("tcp", 443.0, 444.0, "0.0.0.0/0")))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("ingress[0] admits tcp 443-444 from 0.0.0.0/0"));
        assertThat(configured("sg-no-public-ingress", config, group("udp", 443.0, 443.0, "::/0"))).isEmpty();
        assertThat(configured("sg-no-public-ingress", config, group("tcp", 8443.0, 8443.0, "::/0"))).hasSize(1);
        assertThat(messages("sg-no-public-ingress", group("tcp", 443.0, 443.0, "0.0.0.0/0"))).containsExactly(
                "ingress[0] admits tcp 443 from 0.0.0.0/0");
    }

    // --- wildcards -------------------------------------------------------------------------------------------

    private static PolicyResource rolePolicy(String statement) {
        return res(Types.IAM_ROLE_POLICY, "rp", m("role", "r", "policy", doc(statement)));
    }

    private static String passRole(String action, String resource, boolean conditioned) {
        return "{\"Effect\":\"Allow\",\"Action\":" + action + ",\"Resource\":" + resource
                + (conditioned ? ",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"sagemaker.amazonaws.com\"}}"
                : "") + "}";
    }

    @Test
    void passRoleNeedsNamedRolesAndTheServiceCondition() {
        assertThat(messages("iam-passrole-restricted", rolePolicy(passRole("\"iam:PassRole\"", q(ROLE), true))))
                .isEmpty();
        assertThat(messages("iam-passrole-restricted", rolePolicy(passRole("\"iam:PassRole\"", q(ROLE), false))))
                .containsExactly("policy statement[0] allows iam:PassRole without an iam:PassedToService condition");
        for (String any : List.of("*", "arn:aws:iam::111111111111:role/*", "arn:aws:iam::111111111111:*")) {
            assertThat(messages("iam-passrole-restricted", rolePolicy(passRole("\"iam:PassRole\"", q(any), true))))
                    .as(any).containsExactly("policy statement[0] allows iam:PassRole on any role");
        }
        assertThat(messages("iam-passrole-restricted", rolePolicy(passRole("\"iam:PassRole\"", q("*"), false))))
                .containsExactly("policy statement[0] allows iam:PassRole on any role and without an "
                        + "iam:PassedToService condition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"iam:Pass*\"", "\"IAM:PASSROLE\"", "\"iam:PassRol?\"", "[\"s3:GetObject\",\"iam:*\"]"})
    void passRoleHiddenBehindWildcardsOrCaseIsStillPassRole(String action) {
        assertThat(messages("iam-passrole-restricted", rolePolicy(passRole(action, q(ROLE), false))))
                .containsExactly("policy statement[0] allows iam:PassRole without an iam:PassedToService condition");
    }

    @Test
    void notActionGrantsEverythingItDoesNotName() {
        String allButS3 = "{\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":" + q(ROLE) + "}";
        String allButPassRole = "{\"Effect\":\"Allow\",\"NotAction\":\"iam:PassRole\",\"Resource\":" + q(ROLE) + "}";
        assertThat(messages("iam-passrole-restricted", rolePolicy(allButS3)))
                .containsExactly("policy statement[0] allows iam:PassRole without an iam:PassedToService condition");
        assertThat(messages("iam-passrole-restricted", rolePolicy(allButPassRole))).isEmpty();
        assertThat(messages("iam-no-wildcard-resources",
                rolePolicy("{\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}")))
                .containsExactly("policy statement[0] allows NotAction on Resource \"*\"");
    }

    @Test
    void iamActionPatternsMatchLikeIam() {
        Statement statement = PolicyDocument.parse(doc("{\"Effect\":\"Allow\",\"Action\":[\"sagemaker:Describe*\","
                + "\"s3:Get?bject\"],\"Resource\":\"*\"}"), "policy").statements().get(0);
        assertThat(statement.grants("sagemaker:DescribeModelPackage")).isTrue();
        assertThat(statement.grants("SAGEMAKER:describemodel")).isTrue();
        assertThat(statement.grants("s3:GetObject")).isTrue();
        assertThat(statement.grants("s3:GetObjects")).isFalse();
        assertThat(statement.grants("sagemaker:CreateModel")).isFalse();
        assertThat(Statement.matches("s3:*", "s3:")).isTrue();
        assertThat(Statement.matches("s3.*", "s3:GetObject")).as("a dot is not a wildcard").isFalse();
    }

    // --- TLS deny --------------------------------------------------------------------------------------------

    private static PolicyResource bucketPolicy(String effect, String principal, String operator, String value) {
        return res(Types.BUCKET_POLICY, "bp", m("bucket", "data", "policy", doc("{\"Effect\":\"" + effect
                + "\",\"Principal\":" + principal + ",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::data/*\","
                + "\"Condition\":{\"" + operator + "\":{\"aws:SecureTransport\":\"" + value + "\"}}}")));
    }

    @Test
    void onlyADenyOfInsecureTransportForEveryoneCounts() {
        assertThat(messages("s3-bucket-tls-only", bucketPolicy("Deny", "\"*\"", "Bool", "false"))).isEmpty();
        assertThat(messages("s3-bucket-tls-only", bucketPolicy("Deny", "{\"AWS\":\"*\"}", "BoolIfExists", "false")))
                .isEmpty();
        assertThat(messages("s3-bucket-tls-only", bucketPolicy("Deny", "\"*\"", "Bool", "true"))).hasSize(1);
        assertThat(messages("s3-bucket-tls-only", bucketPolicy("Allow", "\"*\"", "Bool", "false"))).hasSize(1);
        assertThat(messages("s3-bucket-tls-only", bucketPolicy("Deny", "\"*\"", "StringEquals", "false"))).hasSize(1);
        assertThat(messages("s3-bucket-tls-only",
                bucketPolicy("Deny", "{\"AWS\":\"arn:aws:iam::111111111111:root\"}", "Bool", "false"))).hasSize(1);
    }

    // --- service trusts ---------------------------------------------------------------------------------------

    private static PolicyResource trust(String... statements) {
        return res(Types.IAM_ROLE, "role", m("assumeRolePolicy", doc(statements)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"StringEquals\":{\"aws:SourceAccount\":\"111111111111\"}}|0",
            "{\"stringequals\":{\"AWS:SOURCEACCOUNT\":\"111111111111\"}}|0",
            "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:events:eu-west-1:111111111111:rule/r\"}}|0",
            "{\"StringLike\":{\"aws:SourceArn\":[\"*\",\"arn:aws:sagemaker:*:111111111111:*\"]}}|1",
            "{\"StringLike\":{\"aws:SourceArn\":[\"arn:aws:sagemaker:*:111111111111:*\"]}}|0",
            "{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"111111111111\"}}|1",
            "{\"ArnLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:sagemaker:*:111111111111:*\"}}|1",
            "{\"StringNotEquals\":{\"aws:SourceAccount\":\"222222222222\"}}|1",
            "{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}|1",
            "{\"StringEquals\":{\"aws:PrincipalAccount\":\"111111111111\"}}|1",
            "{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}|1"})
    void aServiceTrustNeedsARequiredSourceAccountOrArn(String condition, int expected) {
        assertThat(messages("iam-service-trust-source-conditioned",
                trust(PolicyCases.serviceTrust("sagemaker.amazonaws.com", condition)))).hasSize(expected);
    }

    @Test
    void everyUnconditionedServiceStatementIsNamedAndOtherPrincipalsAreNotItsConcern() {
        String twoServices = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"codepipeline.amazonaws.com\","
                + "\"events.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}";
        String account = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}";
        String denied = "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}";
        assertThat(messages("iam-service-trust-source-conditioned", trust(account, denied, twoServices)))
                .containsExactly("assumeRolePolicy statement[2] trusts service codepipeline.amazonaws.com, "
                        + "events.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition");
    }

    // --- suppressions ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"'123456789', false", "'1234567890', true", "'   123456789   ', false"})
    void aSuppressionNeedsAReasonOfTenCharacters(String reason, boolean applied) {
        PolicyResource key = withTag(res(Types.KMS_KEY, "k", m("description", "k", "enableKeyRotation", false)),
                "mlops:suppress:kms-key-rotation-enabled", reason);
        assertThat(findings("kms-key-rotation-enabled", key)).singleElement()
                .satisfies(f -> assertThat(f.suppressed()).isEqualTo(applied));
        assertThat(messages("suppression-reason-required", key)).hasSize(applied ? 0 : 1);
    }

    // --- unknowns and value shapes ---------------------------------------------------------------------------

    @Test
    void anUnknownKeyIdCountsAsSetAndAnAwsManagedOneDoesNot() {
        PolicyResource unknownKey = res(Types.BUCKET_SSE, "sse", m("bucket", "b", "rules",
                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "aws:kms", "kmsMasterKeyId", U)))));
        PolicyResource dsse = res(Types.BUCKET_SSE, "sse", m("bucket", "b", "rules",
                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "aws:kms:dsse",
                        "kmsMasterKeyId", PolicyCases.KEY_ARN)))));
        PolicyResource managed = res(Types.BUCKET_SSE, "sse", m("bucket", "b", "rules",
                l(m("applyServerSideEncryptionByDefault", m("sseAlgorithm", "aws:kms",
                        "kmsMasterKeyId", "arn:aws:kms:eu-west-1:111111111111:alias/aws/s3")))));
        assertThat(findings("s3-bucket-sse-kms-cmk", unknownKey)).isEmpty();
        assertThat(findings("s3-bucket-sse-kms-cmk", dsse)).isEmpty();
        assertThat(messages("s3-bucket-sse-kms-cmk", managed)).containsExactly(
                "rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId is the AWS-managed key, not a "
                        + "customer-managed key");
        assertThat(messages("s3-bucket-sse-kms-cmk", res(Types.BUCKET_SSE, "sse", m("bucket", "b", "rules", l()))))
                .containsExactly("rules is empty: no default encryption");
    }

    @Test
    void blankValuesAreNotSetAndBooleansMayArriveAsText() {
        assertThat(messages("codebuild-project-kms-key", res(Types.CODEBUILD_PROJECT, "p",
                m("description", "p", "encryptionKey", "  ")))).containsExactly("encryptionKey is not set");
        assertThat(findings("kms-key-rotation-enabled", res(Types.KMS_KEY, "k", m("enableKeyRotation", "TRUE"))))
                .isEmpty();
        assertThat(findings("kms-key-rotation-enabled", res(Types.KMS_KEY, "k", m("enableKeyRotation", "yes"))))
                .hasSize(1);
        assertThat(findings("kms-key-rotation-enabled", res(Types.KMS_KEY, "k",
                m("enableKeyRotation", secret(true))))).isEmpty();
    }

    @Test
    void anArtifactStoreKeyNeedsAnIdAndTheKmsType() {
        PolicyResource noId = res(Types.CODEPIPELINE, "p", m("artifactStores",
                l(m("location", "b", "type", "S3", "encryptionKey", m("type", "KMS")))));
        PolicyResource notKms = res(Types.CODEPIPELINE, "p", m("artifactStores",
                l(m("location", "b", "type", "S3", "encryptionKey", m("id", PolicyCases.KEY_ARN, "type", "AES")))));
        assertThat(messages("codepipeline-artifact-store-kms", noId))
                .containsExactly("artifactStores[0].encryptionKey is not set");
        assertThat(messages("codepipeline-artifact-store-kms", notKms))
                .containsExactly("artifactStores[0].encryptionKey.type is not \"KMS\"");
    }

    @Test
    void pipelineFoldersCollideOnTheFirstTwentyCharactersOfOneBucketOnly() {
        PolicyResource first = pipeline("first", "abcdefghijklmnopqrst-training", "artifacts");
        assertThat(messages("codepipeline-distinct-artifact-folders", first,
                pipeline("second", "abcdefghijklmnopqrsu-deploy", "artifacts"))).isEmpty();
        assertThat(messages("codepipeline-distinct-artifact-folders", first,
                pipeline("second", "abcdefghijklmnopqrst-deploy", "other-artifacts"))).isEmpty();
        assertThat(messages("codepipeline-distinct-artifact-folders", first,
                pipeline("second", "abcdefghijklmnopqrst", "artifacts"),
                pipeline("third", "abcdefghijklmnopqrstuvw", "artifacts")))
                .containsExactly("shares the artifact folder s3://artifacts/abcdefghijklmnopqrst/ with [second, "
                        + "third]: CodePipeline names the folder after the first 20 characters of the pipeline name");
    }

    private static PolicyResource pipeline(String logicalName, String name, String bucket) {
        return res(Types.CODEPIPELINE, logicalName, m("name", name, "artifactStores",
                l(m("location", bucket, "type", "S3"))));
    }

    @Test
    void unknownsAreFoundInsideListsMapsAndSecrets() {
        assertThat(PropertyValues.containsUnknown(l("a", m("b", l(U))))).isTrue();
        assertThat(PropertyValues.containsUnknown(secret(m("b", U)))).isTrue();
        assertThat(PropertyValues.containsUnknown(l("a", m("b", l("c"))))).isFalse();
        assertThat(PropertyValues.containsUnknown(m())).isFalse();
        assertThat(PropertyValues.reveal(l(secret("a"), m("k", secret(l(secret("b")))))))
                .isEqualTo(l("a", m("k", l("b"))));
    }

    // --- AWS-managed keys, broken documents, credentials -------------------------------------------------------

    @Test
    void awsManagedKeysAreNotCustomerManagedKeys() {
        String managed = "alias/aws/s3";
        assertThat(messages("codebuild-project-kms-key", res(Types.CODEBUILD_PROJECT, "p",
                m("description", "p", "encryptionKey", managed))))
                .containsExactly("encryptionKey is an AWS-managed key, not a customer-managed key");
        assertThat(messages("codepipeline-artifact-store-kms", res(Types.CODEPIPELINE, "p", m("artifactStores",
                l(m("location", "b", "type", "S3", "encryptionKey", m("id", managed, "type", "KMS")))))))
                .containsExactly("artifactStores[0].encryptionKey.id is an AWS-managed key, not a customer-managed key");
        assertThat(messages("codepipeline-artifact-store-kms", res(Types.CODEPIPELINE, "p", m("artifactStores", l()))))
                .containsExactly("artifactStores is empty");
        assertThat(messages("sns-topic-kms", res(Types.SNS_TOPIC, "t",
                m("kmsMasterKeyId", "arn:aws-cn:kms:cn-north-1:111111111111:alias/aws/sns"))))
                .containsExactly("kmsMasterKeyId is the AWS-managed aws/sns key, not a customer-managed key");
        assertThat(messages("sns-topic-kms", res(Types.SNS_TOPIC, "t", m("kmsMasterKeyId", "alias/team/aws/sns"))))
                .isEmpty();
        assertThat(messages("s3-bucket-sse-kms-cmk", res(Types.BUCKET_SSE, "sse", m("bucket", "b", "rules",
                l(m("bucketKeyEnabled", true)))))).containsExactly(
                "rules[0].applyServerSideEncryptionByDefault is not set");
    }

    @Test
    void asymmetricKeysCannotRotateAndAreSkipped() {
        assertThat(messages("kms-key-rotation-enabled", res(Types.KMS_KEY, "k",
                m("customerMasterKeySpec", "RSA_2048", "keyUsage", "SIGN_VERIFY")))).isEmpty();
        assertThat(messages("kms-key-rotation-enabled", res(Types.KMS_KEY, "k",
                m("customerMasterKeySpec", "SYMMETRIC_DEFAULT", "keyUsage", "GENERATE_VERIFY_MAC")))).isEmpty();
        assertThat(messages("kms-key-rotation-enabled", res(Types.KMS_KEY, "k",
                m("customerMasterKeySpec", "SYMMETRIC_DEFAULT", "keyUsage", "ENCRYPT_DECRYPT"))))
                .containsExactly("enableKeyRotation is not true");
    }

    @Test
    void aBrokenPolicyDocumentIsAViolationNotASilentPass() {
        String broken = "{\"Statement\": 42}";
        String noTlsDeny = "policy has no Deny statement with Condition Bool aws:SecureTransport \"false\"";
        assertThat(messages("s3-bucket-tls-only", res(Types.BUCKET_POLICY, "bp", m("bucket", "b", "policy", broken))))
                .containsExactly(noTlsDeny);
        assertThat(messages("sns-topic-tls-only", res(Types.SNS_TOPIC_POLICY, "tp", m("arn", "t", "policy", broken))))
                .containsExactly(noTlsDeny);
        assertThat(messages("kms-key-policy-no-wildcard-principal", res(Types.KMS_KEY, "k",
                m("enableKeyRotation", true, "policy", "not json")))).containsExactly("policy is not valid JSON");
        assertThat(messages("iam-cross-account-trust-conditioned", res(Types.IAM_ROLE, "r",
                m("assumeRolePolicy", "[1]")))).containsExactly("assumeRolePolicy is not a JSON object");
    }

    @Test
    void credentialsInPlaintextAreFoundByNameAndByValue() {
        PolicyResource build = res(Types.CODEBUILD_PROJECT, "p", m("description", "p", "encryptionKey",
                PolicyCases.KEY_ARN, "environment", m("environmentVariables", l(
                        m("name", "DB_PASSWORD", "type", "PLAINTEXT", "value", "x"),
                        m("name", "DB_PASSWORD_PARAM", "type", "PARAMETER_STORE", "value", "/db/password"),
                        m("name", "START", "value", "AKIAABCDEFGHIJKLMNOP"),
                        m("name", "LATER", "type", "PLAINTEXT", "value", U)))));
        assertThat(messages("codebuild-no-plaintext-credentials", build)).containsExactly(
                "environment.environmentVariables[0] (DB_PASSWORD) looks like a credential and is PLAINTEXT",
                "environment.environmentVariables[2] (START) has a value that looks like a credential, as PLAINTEXT");
        assertThat(messages("ssm-parameter-secure-string", res(Types.SSM_PARAMETER, "p",
                m("name", "/ml/build", "type", "String", "value", "-----BEGIN RSA PRIVATE KEY-----\nabc"))))
                .containsExactly("type is \"String\" but value looks like a credential");
        assertThat(messages("ssm-parameter-secure-string", res(Types.SSM_PARAMETER, "p",
                m("name", "/ml/vpc-id", "type", "String", "value", "vpc-123")))).isEmpty();
    }

    @Test
    void extraStarOnlyActionsComeFromTheConfiguration() {
        PolicyResource tagging = rolePolicy("{\"Effect\":\"Allow\",\"Action\":[\"tag:GetResources\","
                + "\"Organizations:DescribeOrganization\"],\"Resource\":\"*\"}");
        assertThat(messages("iam-no-wildcard-resources", tagging)).containsExactly(
                "policy statement[0] allows Organizations:DescribeOrganization on Resource \"*\"");
        assertThat(configured("iam-no-wildcard-resources",
                "{\"iam-no-wildcard-resources\": {\"additionalStarOnlyActions\": [\"organizations:describeorganization\"]}}",
                tagging)).isEmpty();
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
