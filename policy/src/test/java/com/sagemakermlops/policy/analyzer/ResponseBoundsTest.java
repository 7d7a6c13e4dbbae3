package com.sagemakermlops.policy.analyzer;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.Severity;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseBoundsTest {
    private static PolicyFinding finding(int i, EnforcementLevel level) {
        return new PolicyFinding("description-present", level, Severity.LOW, "urn:" + i, "aws:kms/key:Key", "k" + i,
                "description is not set", false, null);
    }

    @Test
    void aResponseCarriesAtMostTheBoundWithEveryBlockingFindingFirst() {
        List<PolicyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            findings.add(finding(i, EnforcementLevel.ADVISORY));
        }
        findings.add(finding(1_500, EnforcementLevel.MANDATORY));
        AnalyzeResponse response = ResponseBounds.response(findings, PolicyPack.standard());
        assertThat(response.getDiagnosticsList()).hasSize(ResponseBounds.MAX_DIAGNOSTICS);
        assertThat(response.getDiagnostics(0).getUrn()).isEqualTo("urn:1500");
        assertThat(response.getDiagnostics(0).getEnforcementLevel())
                .isEqualTo(pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY);
        AnalyzeDiagnostic last = response.getDiagnostics(ResponseBounds.MAX_DIAGNOSTICS - 1);
        assertThat(last.getMessage()).endsWith("(501 more findings are not listed: a response carries at most 1000)");
    }

    @Test
    void aSmallResponseKeepsItsOrder() {
        List<PolicyFinding> findings = List.of(finding(0, EnforcementLevel.ADVISORY), finding(1, EnforcementLevel.MANDATORY));
        assertThat(ResponseBounds.response(findings, PolicyPack.standard()).getDiagnosticsList())
                .extracting(AnalyzeDiagnostic::getUrn).containsExactly("urn:0", "urn:1");
    }
}
