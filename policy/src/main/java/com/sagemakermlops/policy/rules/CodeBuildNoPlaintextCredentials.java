package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** CodeBuild environment variables never carry credentials as PLAINTEXT. */
public final class CodeBuildNoPlaintextCredentials extends ResourcePolicy {
    public CodeBuildNoPlaintextCredentials() {
        super("codebuild-no-plaintext-credentials",
                "CodeBuild environment variables that hold secrets, keys, tokens or passwords are not PLAINTEXT.",
                Severity.CRITICAL, EnforcementLevel.MANDATORY,
                "Store the value in Secrets Manager or SSM Parameter Store (SecureString) and reference it with "
                        + "type SECRETS_MANAGER or PARAMETER_STORE; use the project's service role instead of AWS keys.",
                List.of("NIST.800.53.R5-CodeBuildProjectEnvVarAwsCred", "HIPAA.Security-CodeBuildProjectEnvVarAwsCred"),
                Set.of(Types.CODEBUILD_PROJECT));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        Props env = p.object("environment");
        if (env == null) {
            return;
        }
        for (Props var : env.objects("environmentVariables")) {
            String type = var.string("type");
            if (type != null && !type.equals("PLAINTEXT")) {
                continue;
            }
            String name = var.string("name");
            String label = var.path("name").replace(".name", "") + " (" + name + ")";
            if (Secrets.looksLikeSecretName(name)) {
                sink.violation(r, label + " looks like a credential and is PLAINTEXT");
            } else if (var.isSecret("value")) {
                sink.violation(r, label + " holds a secret value as PLAINTEXT");
            } else if (!var.isUnknown("value") && Secrets.looksLikeSecretValue(var.string("value"))) {
                sink.violation(r, label + " has a value that looks like a credential, as PLAINTEXT");
            }
        }
    }
}
