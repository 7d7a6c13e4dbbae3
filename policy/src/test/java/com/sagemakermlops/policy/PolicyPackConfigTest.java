package com.sagemakermlops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyPackConfigTest {
    private final PolicyPack pack = PolicyPack.standard();

    private Policy policy(String name) {
        return pack.policy(name).orElseThrow();
    }

    @Test
    void defaultsKeepEachPolicysLevel() {
        PolicyPackConfig c = PolicyPackConfig.defaults();
        assertThat(c.levelFor(policy("log-group-kms"))).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(c.levelFor(policy("s3-bucket-versioning-enabled"))).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(c.settingsFor(policy("log-group-retention")).number("minimumRetentionDays", 0)).isEqualTo(90);
    }

    @Test
    void parsesAllPerPolicyLevelsAndProperties() {
        PolicyPackConfig c = PolicyPackConfig.parse("""
                {"all": "advisory",
                 "s3-bucket-versioning-enabled": "mandatory",
                 "description-present": {"enforcementLevel": "disabled"},
                 "log-group-retention": {"minimumRetentionDays": 365},
                 "iam-no-wildcard-resources": {"additionalStarOnlyActions": ["servicequotas:GetServiceQuota"]}}
                """);
        assertThat(c.levelFor(policy("log-group-kms"))).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(c.levelFor(policy("s3-bucket-versioning-enabled"))).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(c.levelFor(policy("description-present"))).isEqualTo(EnforcementLevel.DISABLED);
        assertThat(c.levelFor(policy("log-group-retention"))).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(c.settingsFor(policy("log-group-retention")).number("minimumRetentionDays", 0)).isEqualTo(365);
        assertThat(c.settingsFor(policy("iam-no-wildcard-resources")).strings("additionalStarOnlyActions"))
                .containsExactly("servicequotas:GetServiceQuota");
    }

    @Test
    void configChangesEvaluation() {
        PolicyResource lg = res("aws:cloudwatch/logGroup:LogGroup", "logs", m("retentionInDays", 180.0));
        assertThat(pack.evaluate(List.of(lg), PolicyPackConfig.defaults()))
                .noneMatch(f -> f.policy().equals("log-group-retention"));
        PolicyPackConfig strict = PolicyPackConfig.parse("{\"log-group-retention\": {\"minimumRetentionDays\": 365},"
                + " \"log-group-kms\": \"disabled\"}");
        List<PolicyFinding> found = pack.evaluate(List.of(lg), strict);
        assertThat(found).anyMatch(f -> f.policy().equals("log-group-retention")
                && f.message().equals("retentionInDays is 180, below the minimum of 365"));
        assertThat(found).noneMatch(f -> f.policy().equals("log-group-kms"));
    }

    @Test
    void badInputNamesTheKey() {
        assertThatThrownBy(() -> PolicyPackConfig.parse("{\"no-such-policy\": \"advisory\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no-such-policy'");
        assertThatThrownBy(() -> PolicyPackConfig.parse("{\"log-group-kms\": \"sometimes\"}"))
                .hasMessageContaining("'log-group-kms'").hasMessageContaining("sometimes");
        assertThatThrownBy(() -> PolicyPackConfig.parse("{\"log-group-retention\": {\"minimumRetentionDays\": \"x\"}}"))
                .hasMessageContaining("'log-group-retention.minimumRetentionDays'").hasMessageContaining("number");
        assertThatThrownBy(() -> PolicyPackConfig.parse("{\"log-group-kms\": {\"colour\": 1}}"))
                .hasMessageContaining("'log-group-kms.colour'");
        assertThatThrownBy(() -> PolicyPackConfig.parse("{\"all\": 3}")).hasMessageContaining("'all'");
        assertThatThrownBy(() -> PolicyPackConfig.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyPackConfig.parse("{oops")).hasMessageContaining("not valid JSON");
    }

    @Test
    void levelsPrintLowerCase() {
        assertThat(EnforcementLevel.MANDATORY.toString()).isEqualTo("mandatory");
        assertThat(Severity.CRITICAL.toString()).isEqualTo("critical");
        assertThat(EnforcementLevel.parse("Advisory")).isEqualTo(EnforcementLevel.ADVISORY);
    }
}
