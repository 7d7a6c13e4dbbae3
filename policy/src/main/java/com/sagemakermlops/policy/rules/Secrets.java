package com.sagemakermlops.policy.rules;

import java.util.regex.Pattern;

/** Heuristics for names and values that look like credentials. */
final class Secrets {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key"
                    + "|client[_-]?key|credential|auth[_-]?key|signing[_-]?key).*");
    /** Names that hold a reference to a secret, not the secret itself. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            "(?i).*[_-](arn|name|path|param|parameter|uri|url|ref|id|secret[_-]?id|key[_-]?id)$");
    private static final Pattern AWS_KEY_NAME = Pattern.compile(
            "(?i)aws_(access_key_id|secret_access_key|session_token)");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*((AKIA|ASIA)[A-Z0-9]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{30,}"
                    + "|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}).*");

    private Secrets() {
    }

    /** True when a variable or parameter name suggests it holds a credential. */
    static boolean looksLikeSecretName(String name) {
        if (name == null) {
            return false;
        }
        if (AWS_KEY_NAME.matcher(name).matches()) {
            return true;
        }
        String last = name.substring(name.lastIndexOf('/') + 1);
        return SECRET_NAME.matcher(last).matches() && !REFERENCE_NAME.matcher(last).matches();
    }

    /** True when a value looks like a credential (AWS access key, private key, well-known token formats). */
    static boolean looksLikeSecretValue(String value) {
        return value != null && SECRET_VALUE.matcher(value).matches();
    }
}
