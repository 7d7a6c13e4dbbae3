package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static com.sagemakermlops.policy.Fixtures.findings;
import static com.sagemakermlops.policy.Fixtures.withTag;
import static org.assertj.core.api.Assertions.assertThat;

/** For every policy of the pack: compliant, non-compliant, suppressed and unknown-value behaviour. */
class EveryPolicyTest {

    static List<PolicyCases.Case> cases() {
        return PolicyCases.all();
    }

    private static Policy policy(PolicyCases.Case c) {
        return PolicyPack.standard().policy(c.policy()).orElseThrow();
    }

    @Test
    void everyPolicyHasCases() {
        List<String> covered = cases().stream().map(PolicyCases.Case::policy).toList();
        assertThat(covered).doesNotHaveDuplicates();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                PolicyPack.standard().policies().stream().map(Policy::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compliantResourcesPass(PolicyCases.Case c) {
        assertThat(findings(c.policy(), c.compliant())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void violationIsReportedAtTheDefaultLevel(PolicyCases.Case c) {
        List<PolicyFinding> found = findings(c.policy(), c.violating());
        PolicyResource target = c.violating().get(0);
        assertThat(found).hasSize(1);
        PolicyFinding f = found.get(0);
        assertThat(f.level()).isEqualTo(policy(c).defaultLevel());
        assertThat(f.severity()).isEqualTo(policy(c).severity());
        assertThat(f.urn()).isEqualTo(target.urn());
        assertThat(f.type()).isEqualTo(target.type());
        assertThat(f.suppressed()).isFalse();
        assertThat(f.message()).isEqualTo(c.message());
        assertThat(f.format()).isEqualTo("[" + f.level() + "] " + c.policy() + " (" + target.type() + ": "
                + target.name() + ") " + c.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suppressionKeepsTheFindingVisible(PolicyCases.Case c) {
        Policy p = policy(c);
        String id = p.coveredIds().isEmpty() ? p.name() : p.coveredIds().get(0);
        List<PolicyResource> stack = new ArrayList<>(c.violating());
        stack.set(0, withTag(stack.get(0), "mlops:suppress:" + id, "accepted for the sandbox account"));
        List<PolicyFinding> found = findings(c.policy(), stack);
        assertThat(found).hasSize(1);
        PolicyFinding f = found.get(0);
        assertThat(f.message()).isEqualTo(c.message());
        if (p.suppressible()) {
            assertThat(f.suppressed()).isTrue();
            assertThat(f.reason()).isEqualTo("accepted for the sandbox account");
            assertThat(f.blocking()).isFalse();
        } else {
            assertThat(f.suppressed()).isFalse();
            assertThat(f.reason()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unknownValuesNeverPassSilently(PolicyCases.Case c) {
        List<PolicyFinding> found = findings(c.policy(), c.unknown());
        if (c.whenUnknown() == PolicyCases.WhenUnknown.UNDETERMINED) {
            assertThat(found).hasSize(1);
            assertThat(found.get(0).level()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(found.get(0).urn()).isEqualTo(c.unknown().get(0).urn());
            assertThat(found.get(0).message()).isEqualTo(PolicyPack.UNDETERMINED_PREFIX + c.unknownProperty()
                    + " is unknown during preview");
        } else {
            assertThat(found).isEmpty();
        }
    }
}
