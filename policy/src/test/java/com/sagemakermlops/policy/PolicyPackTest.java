package com.sagemakermlops.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.sagemakermlops.policy.Fixtures.doc;
import static com.sagemakermlops.policy.Fixtures.findings;
import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.res;
import static com.sagemakermlops.policy.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** Pack-wide behaviour and rule details beyond the per-policy cases. */
class PolicyPackTest {
    private static final String IAM_POLICY = "aws:iam/policy:Policy";

    @Test
    void everyPolicyIsFullyDescribed() {
        Set<String> names = new HashSet<>();
        for (Policy p : PolicyPack.standard().policies()) {
            assertThat(names.add(p.name())).isTrue();
            assertThat(p.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(p.description()).isNotBlank();
            assertThat(p.remediation()).isNotBlank();
            assertThat(p.severity()).isNotNull();
            assertThat(p.defaultLevel()).isIn(EnforcementLevel.ADVISORY, EnforcementLevel.MANDATORY);
            assertThat(p.displayName()).isNotBlank();
        }
    }

    @Test
    void theReadmeTableListsEveryPolicyAsItIs() throws IOException {
        List<String> rows = Files.readAllLines(PolicyIsolationTest.policySources().resolve("../../../README.md"))
                .stream().filter(line -> line.startsWith("| `")).toList();
        List<String> expected = new ArrayList<>();
        for (Policy p : PolicyPack.standard().policies()) {
            String types = p.resourceTypes().isEmpty() ? "every resource" : p.resourceTypes().stream()
                    .map(t -> "`" + t.substring(t.lastIndexOf(':') + 1) + "`").sorted().collect(Collectors.joining(", "));
            String ids = p.coveredIds().isEmpty() ? "–"
                    : p.coveredIds().stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
            expected.add("| `" + p.name() + "`" + (p.isStackPolicy() ? " (stack)" : "") + " | " + p.defaultLevel()
                    + " | " + p.severity() + " | " + types + " | " + ids + " | " + p.remediation() + " |");
        }
        assertThat(rows.stream().map(PolicyPackTest::sortedTypes).toList()).containsExactlyElementsOf(expected);
    }

    /** A README row with its resource types column sorted, as the expected rows have them. */
    private static String sortedTypes(String row) {
        String[] cells = row.split(" \\| ", -1);
        cells[3] = Arrays.stream(cells[3].split(", ")).sorted().collect(Collectors.joining(", "));
        return String.join(" | ", cells);
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        PolicyResource project = res("aws:codebuild/project:Project", "build", m("encryptionKey", "k",
                "environment", m("environmentVariables", l(
                        m("name", "MODEL_URI", "value", secret("AKIAABCDEFGHIJKLMNOP"), "type", "PLAINTEXT")))));
        PolicyResource policy = res(IAM_POLICY, "p", m("description", "d", "policy",
                secret(doc("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}"))));
        List<PolicyFinding> all = PolicyPack.standard().evaluate(List.of(project, policy), PolicyPackConfig.defaults());
        assertThat(all).filteredOn(f -> f.policy().equals("codebuild-no-plaintext-credentials"))
                .extracting(PolicyFinding::message)
                .containsExactly("environment.environmentVariables[0] (MODEL_URI) holds a secret value as PLAINTEXT");
        assertThat(all).filteredOn(f -> f.policy().equals("iam-no-wildcard-resources"))
                .extracting(PolicyFinding::message)
                .containsExactly("policy statement[0] allows [secret] on Resource \"[secret]\"");
        assertThat(all).allSatisfy(f -> {
            assertThat(f.message()).doesNotContain("AKIAABCDEFGHIJKLMNOP");
            assertThat(f.message()).doesNotContain("secretsmanager:GetSecretValue");
        });
    }

    @Test
    void ssmMessageDoesNotPrintTheValue() {
        List<PolicyFinding> f = findings("ssm-parameter-secure-string", res("aws:ssm/parameter:Parameter", "p",
                m("name", "/mlops/endpoint", "type", "String", "value", secret("sup3r-s3cret-value"))));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message())
                .isEqualTo("type is \"String\" but value is a secret"));
    }

    @Test
    void iamDocumentShapesAreReadLeniently() {
        String single = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        assertThat(findings("iam-no-wildcard-actions", res(IAM_POLICY, "p", m("policy", single))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("policy statement[0] allows wildcard action *"));
        String notAction = doc("{\"Sid\":\"All\",\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}");
        assertThat(findings("iam-no-wildcard-actions", res(IAM_POLICY, "p", m("policy", notAction))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("policy statement[0] (Sid All) allows NotAction (every other action)"));
        assertThat(findings("iam-no-wildcard-actions", res(IAM_POLICY, "p", m("policy", "{not json"))))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("policy is not valid JSON"));
        Object structured = m("Statement", l(m("Effect", "Allow", "Action", l("s3:*"), "Resource", "arn:aws:s3:::b")));
        assertThat(findings("iam-no-wildcard-actions", res(IAM_POLICY, "p", m("policy", structured))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("policy statement[0] allows wildcard action s3:*"));
    }

    @Test
    void starOnlyActionsMayUseWildcardResourceOthersMayNot() {
        String ok = doc("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"cloudwatch:PutMetricData\","
                + "\"sagemaker:ListModelPackageGroups\"],\"Resource\":\"*\"}");
        assertThat(findings("iam-no-wildcard-resources", res(IAM_POLICY, "p", m("policy", ok)))).isEmpty();
        String bad = doc("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"s3:Get*\"],\"Resource\":\"*\"}");
        assertThat(findings("iam-no-wildcard-resources", res(IAM_POLICY, "p", m("policy", bad))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("policy statement[0] allows s3:Get* on Resource \"*\""));
        String deny = doc("{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        assertThat(findings("iam-no-wildcard-resources", res(IAM_POLICY, "p", m("policy", deny)))).isEmpty();
    }

    @Test
    void passRoleAndCrossAccountDetails() {
        String wildcardGrant = doc("{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam::1:role/x\"}");
        assertThat(findings("iam-passrole-restricted", res(IAM_POLICY, "p", m("policy", wildcardGrant))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("policy statement[0] allows iam:PassRole without an iam:PassedToService condition"));
        String conditioned = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"222222222222\"]},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}}");
        assertThat(findings("iam-cross-account-trust-conditioned",
                res("aws:iam/role:Role", "r", m("assumeRolePolicy", conditioned)))).isEmpty();
        String anyone = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}");
        assertThat(findings("iam-cross-account-trust-conditioned",
                res("aws:iam/role:Role", "r", m("assumeRolePolicy", anyone)))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("assumeRolePolicy statement[0] trusts Principal \"*\" "
                        + "without an sts:ExternalId/aws:PrincipalOrgID/aws:PrincipalArn condition"));
        String own = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}");
        PolicyPackConfig trusting = PolicyPackConfig.parse(
                "{\"iam-cross-account-trust-conditioned\": {\"trustedAccountIds\": [\"111111111111\"]}}");
        assertThat(PolicyPack.standard().evaluate(List.of(res("aws:iam/role:Role", "r", m("assumeRolePolicy", own))),
                trusting)).noneMatch(f -> f.policy().equals("iam-cross-account-trust-conditioned"));
    }

    @Test
    void securityGroupRulesAcrossResourceTypes() {
        PolicyResource rdp6 = res("aws:ec2/securityGroupRule:SecurityGroupRule", "rdp", m("type", "ingress",
                "protocol", "tcp", "fromPort", 3389.0, "toPort", 3389.0, "ipv6CidrBlocks", l("::/0")));
        assertThat(findings("sg-no-public-admin-ports", rdp6)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("rule admits port 3389 (tcp 3389) from ::/0"));
        PolicyResource all = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "all",
                m("ipProtocol", "-1", "cidrIpv4", "0.0.0.0/0"));
        assertThat(findings("sg-no-public-admin-ports", all)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("rule admits port 22, 3389 (all traffic) from 0.0.0.0/0"));
        assertThat(findings("sg-no-public-ingress", all)).isEmpty();
        PolicyResource egress = res("aws:ec2/securityGroupRule:SecurityGroupRule", "out", m("type", "egress",
                "protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", l("0.0.0.0/0")));
        assertThat(findings("sg-no-public-admin-ports", egress)).isEmpty();
    }

    @Test
    void stackPoliciesMatchCompanionsByDependencyWhenNamesAreUnknown() {
        PolicyResource bucket = res("aws:s3/bucketV2:BucketV2", "data", m("bucketPrefix", "data-"));
        PolicyResource pab = new PolicyResource("urn:pab", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "data-pab", m("bucket", PropertyValues.UNKNOWN), null, null, List.of(bucket.urn()));
        assertThat(findings("s3-bucket-has-public-access-block", bucket, pab)).isEmpty();
        PolicyResource other = new PolicyResource("urn:pab2", pab.type(), "other-pab",
                m("bucket", PropertyValues.UNKNOWN), null, null, List.of("urn:some-other-bucket"));
        assertThat(findings("s3-bucket-has-public-access-block", bucket, other)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("no BucketPublicAccessBlock refers to this bucket"));
    }

    @Test
    void shortSuppressionReasonDoesNotSuppress() {
        PolicyResource lg = res("aws:cloudwatch/logGroup:LogGroup", "logs",
                m("tags", m("mlops:suppress:log-group-kms", "too short")));
        List<PolicyFinding> all = PolicyPack.standard().evaluate(List.of(lg), PolicyPackConfig.defaults());
        assertThat(all).anyMatch(f -> f.policy().equals("log-group-kms") && !f.suppressed() && f.blocking());
        assertThat(all).anyMatch(f -> f.policy().equals("suppression-reason-required")
                && f.level() == EnforcementLevel.MANDATORY
                && f.message().equals("tag mlops:suppress:log-group-kms has a reason of 9 characters (needs 10): "
                + "not applied"));
    }

    @Test
    void nagIdSuppressesEveryPolicyThatCoversIt() {
        PolicyResource p = res(IAM_POLICY, "p", m("description", "d", "policy",
                doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                "tags", m("mlops:suppress:AwsSolutions-IAM5", "sandbox account only, reviewed")));
        List<PolicyFinding> all = PolicyPack.standard().evaluate(List.of(p), PolicyPackConfig.defaults());
        assertThat(all).filteredOn(f -> f.policy().startsWith("iam-no-wildcard")).hasSize(2)
                .allMatch(PolicyFinding::suppressed);
    }
}
