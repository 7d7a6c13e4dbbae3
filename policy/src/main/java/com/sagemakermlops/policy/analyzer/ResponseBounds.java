package com.sagemakermlops.policy.analyzer;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps an analysis response within what the engine reads: at most {@value #MAX_DIAGNOSTICS} diagnostics, blocking
 * ones first when there are more, so a cut never lets a mandatory finding through, the last kept one saying how many more there were;
 * each message is already bounded by the pack ({@link PolicyPack#MAX_MESSAGE_LENGTH}).
 */
final class ResponseBounds {
    static final int MAX_DIAGNOSTICS = 1_000;

    private ResponseBounds() {
    }

    static AnalyzeResponse response(List<PolicyFinding> findings, PolicyPack pack) {
        List<PolicyFinding> ordered = findings.size() <= MAX_DIAGNOSTICS ? findings : findings.stream()
                .sorted(Comparator.comparing((PolicyFinding f) -> !f.blocking())
                        .thenComparing(f -> f.level() != EnforcementLevel.MANDATORY))
                .toList();
        AnalyzeResponse.Builder b = AnalyzeResponse.newBuilder();
        int kept = Math.min(ordered.size(), MAX_DIAGNOSTICS);
        for (int i = 0; i < kept; i++) {
            PolicyFinding f = ordered.get(i);
            AnalyzeDiagnostic diagnostic = Conversions.diagnostic(f, pack.policy(f.policy()).orElseThrow());
            if (i == kept - 1 && ordered.size() > kept) {
                diagnostic = diagnostic.toBuilder().setMessage(diagnostic.getMessage() + "\n(" + (ordered.size() - kept)
                        + " more findings are not listed: a response carries at most " + MAX_DIAGNOSTICS + ")").build();
            }
            b.addDiagnostics(diagnostic);
        }
        return b.build();
    }
}
