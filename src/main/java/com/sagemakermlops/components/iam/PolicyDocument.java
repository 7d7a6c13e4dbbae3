package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;
import com.sagemakermlops.components.JsonText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM policy document (identity, trust, key, bucket or topic policy) as JSON text. */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    public static Output<String> of(Statement... statements) {
        return of(List.of(statements));
    }

    public static Output<String> of(List<Statement> statements) {
        return Output.all(statements.stream().map(Statement::resolve).toList()).applyValue(resolved -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("Version", "2012-10-17");
            document.put("Statement", resolved);
            return JsonText.of(document);
        });
    }
}
